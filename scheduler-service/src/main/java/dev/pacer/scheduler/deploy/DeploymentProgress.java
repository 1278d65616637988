package dev.pacer.scheduler.deploy;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.LogContext;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.work.AppHints;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves deployments forward from the reconcile passes of their apps — no deployment has an owner
 * process that could die with it. After each pass of a locked app, {@link DeploymentGate} decides from
 * what the pass saw (one {@link StepDecision}); this class carries the decision out and logs it: a done
 * action is recorded (one script), the last one of a step advances the step, the last step ends the
 * deployment and frees its locks; activations, blue-green traffic moves and auto-reverts happen here
 * too. Whichever scheduler holds the app's shard does this, so a deployment survives any scheduler
 * restart and resumes where it was.
 */
class DeploymentProgress implements DeploymentHook {

    private static final Logger log = LoggerFactory.getLogger(DeploymentProgress.class);

    private final DeploymentStore store;
    private final DeploymentService service;
    private final DeploymentActivator activator;
    private final AppHints hints;
    private final TrafficGate traffic;
    private final Clock clock;

    public DeploymentProgress(DeploymentStore store, DeploymentService service, DeploymentActivator activator, AppHints hints,
                              TrafficGate traffic, Clock clock) {
        this.store = store;
        this.service = service;
        this.activator = activator;
        this.hints = hints;
        this.traffic = traffic;
        this.clock = clock;
    }

    @Override
    public Held held(AppId app) {
        String appId = app.toString();
        Optional<String> lock = store.lockOf(appId);
        if (lock.isEmpty()) {
            return Held.NONE;
        }
        Optional<RunningDeployment> deployment = store.get(lock.get());
        return new HeldBy(lock.get(), deployment.orElse(null),
                deployment.map(d -> DeploymentStrategy.of(d.plan(), appId).canaryBound(d, clock.millis())).orElse(-1),
                deployment.map(d -> DeploymentGate.targetOf(d, appId)).orElse(null));
    }

    /** The lock on an app and the deployment it names ({@code null}: the deployment is gone, the lock stale). */
    private record HeldBy(String lock, RunningDeployment deployment, int canary, String target) implements Held {

        @Override
        public String deploymentId() {
            return lock;
        }
    }

    @Override
    public boolean afterPass(AppId app, Held held, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                             Instant now) {
        if (!(held instanceof HeldBy by)) {
            return false;
        }
        return LogContext.withDeployment(by.lock(), () -> advance(app, by, spec, tasks, healthy, now));
    }

    private boolean advance(AppId app, HeldBy by, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                            Instant now) {
        if (by.deployment() == null) {
            store.releaseStale(app.toString(), by.lock());
            return false;
        }
        StepDecision decision = DeploymentGate.decide(by.deployment(), app.toString(), spec, tasks, healthy, now);
        return apply(app, by.deployment(), decision, now);
    }

    /** Carries out {@code decision}; true while the deployment still waits on the app (look at it again soon). */
    private boolean apply(AppId app, RunningDeployment deployment, StepDecision decision, Instant now) {
        if (decision instanceof StepDecision.Activate activate) {
            return activator.activate(activate.action()) || apply(app, deployment, activate.otherwise(), now);
        }
        if (decision instanceof StepDecision.OpenTraffic open) {
            traffic.allowAll(app);
            store.markOpened(deployment.id(), now.toEpochMilli());
            return apply(app, deployment, open.then(), now);
        }
        if (decision instanceof StepDecision.SwitchTraffic switched) {
            traffic.deny(app, switched.oldVersions());
            if (store.markSwitched(deployment.id(), now.toEpochMilli())) {
                log.info("Deployment {}: traffic of {} switched to its new set ({} tasks); old versions {} held for {} s",
                        deployment.id(), app, switched.newTasks(), switched.oldVersions(), switched.keepOldSeconds());
            }
            return apply(app, deployment, switched.then(), now);
        }
        if (decision instanceof StepDecision.Revert revert) {
            String id = deployment.id();
            log.warn("Deployment {}: the new tasks of {} are not healthy after the auto-revert deadline; rolling back", id, app);
            String rollback = activator.revert(id, revert.reason());
            log.info("Deployment {} auto-reverted by deployment {}", id, rollback);
            return false;
        }
        if (decision instanceof StepDecision.GiveUp giveUp) {
            DeploymentAction action = giveUp.action();
            log.warn("Deployment action {} of {} gives up: version {} was never stored", action.action(), action.app(),
                    Instant.parse(action.version()));
            complete(deployment, action);
            return false;
        }
        if (decision instanceof StepDecision.Done done) {
            complete(deployment, done.action());
            return false;
        }
        // Wait and HoldOldSet look again soon; Idle (not its step) and Paused (the promote wakes the app) do not
        return decision instanceof StepDecision.Wait || decision instanceof StepDecision.HoldOldSet;
    }

    /** Records the app's action done; the last of a step starts the next step, the last step ends the deployment. */
    private void complete(RunningDeployment deployment, DeploymentAction action) {
        DeploymentPlan plan = deployment.plan();
        int step = deployment.currentStep();
        int after = store.complete(deployment, action.app());
        if (action.action() == DeploymentAction.Type.StopApplication) {
            service.appTerminated(action.app());
        }
        if (after > step) {
            service.stepDone(plan, step, after);
        }
        if (after > plan.totalSteps()) {
            service.end(plan, "finished");
        } else if (after > step) {
            log.info("Deployment {} at step {} of {}", plan.id(), after, plan.totalSteps());
            plan.step(after).forEach(a -> hints.publish(AppId.parse(a.app())));
        }
    }
}
