package dev.pacer.scheduler.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation of apps.
 *
 * @param workers            apps reconciled in parallel by one instance
 * @param resyncInterval     every app of the held shards is reconciled at least this often, hints or not.
 *                           Only a safety net for lost hints (status updates, API changes, lost agents
 *                           and backoff expiry all wake the app directly), and its cost grows with the
 *                           number of apps: bench/ measured 60% of a core at 10,000 apps every 5 s.
 * @param maxLaunchesPerPass launches of one app in one pass (the rest in the next pass)
 * @param maxKillsPerPass    kills of one app in one pass
 * @param declinedRetry      how soon an app whose launches could not be placed is tried again
 *                           (agent-lost-after and agent-call-timeout, under the same prefix: {@code AgentProperties})
 * @param launchTimeout      a task still staging this long is given up and replaced (Marathon's
 *                           {@code task_launch_timeout})
 * @param queueCapacity      most apps waiting in the reconcile queue; beyond it an app is dropped (and
 *                           counted) until the next resync or hint
 */
@ConfigurationProperties(ReconcileProperties.PREFIX)
public record ReconcileProperties(
        @DefaultValue("4") int workers,
        @DefaultValue("60s") Duration resyncInterval,
        @DefaultValue("50") int maxLaunchesPerPass,
        @DefaultValue("50") int maxKillsPerPass,
        @DefaultValue("5s") Duration declinedRetry,
        @DefaultValue("5m") Duration launchTimeout,
        @DefaultValue("100000") int queueCapacity) {

    public static final String PREFIX = "pacer.scheduler.reconcile";
}
