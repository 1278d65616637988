package dev.pacer.health.target;

import dev.pacer.contract.health.HealthKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One health check of one running task, resolved to an address: what a probe needs and how its
 * results count (reference §4.2).
 *
 * @param checkIndex  position of the check in the app's {@code healthChecks} of {@code version}
 * @param path        HTTP path (null for TCP)
 * @param startedAt   when the task started running: the grace period and {@code delaySeconds} count from here
 */
public record CheckTarget(String appId, String taskId, String instanceId, int checkIndex, String version,
                          String protocol, String host, int port, String path, Duration interval, Duration timeout,
                          int gracePeriodSeconds, int maxConsecutiveFailures, Duration delay, boolean ignoreHttp1xx,
                          Instant startedAt) {

    public CheckTarget {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
    }

    /** The field of this check in the app's health hash. */
    public String field() {
        return HealthKeys.field(taskId, checkIndex);
    }

    /** Unique over the cluster: app id and field. */
    public String key() {
        return appId + " " + field();
    }
}
