package dev.pacer.boot.health;

import dev.pacer.contract.health.HealthKeys;
import java.time.Duration;
import java.time.Instant;

/**
 * One health check of one running task, as {@link HealthCheckEngine} sees it: when it fires and how its
 * results count (reference §4.2). Each service's own check type implements it and adds what its
 * {@link Prober} needs (an address, a command, a sandbox). Implementations are values: the engine restarts
 * a check whose value changed.
 */
public interface ScheduledCheck {

    String appId();

    String taskId();

    /** The task's instance id (Marathon's), written into every result. */
    String instanceId();

    /** Position of the check in the app's {@code healthChecks} of {@link #version()}. */
    int checkIndex();

    String version();

    String protocol();

    /** Time between two probes (the engine's floor applies). */
    Duration interval();

    /** A probe that has not answered after this long counts as a failure. */
    Duration timeout();

    /** The first probe comes this long after {@link #startedAt()}. */
    Duration delay();

    int gracePeriodSeconds();

    int maxConsecutiveFailures();

    /** When the task started running (grace period and delay count from here); null when unknown. */
    Instant startedAt();

    /** The field of this check in the app's health hash. */
    default String field() {
        return HealthKeys.field(taskId(), checkIndex());
    }

    /** Unique over the cluster: app id and field. */
    default String key() {
        return appId() + " " + field();
    }
}
