package dev.pacer.scheduler.task.status;

import dev.pacer.contract.ids.AppId;

/**
 * Whether a deployment holds an app now: its tasks' launch latency is counted (the deployment package answers
 * it, so that tasks need not import deployments).
 */
@FunctionalInterface
public interface DeployingApps {

    boolean holds(AppId app);
}
