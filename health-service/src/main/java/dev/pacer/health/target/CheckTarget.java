package dev.pacer.health.target;

import dev.pacer.boot.health.ScheduledCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One health check of one running task, resolved to an address: what a probe needs and how its
 * results count (reference §4.2); {@link ScheduledCheck} for the shared engine, plus the address.
 *
 * @param checkIndex  position of the check in the app's {@code healthChecks} of {@code version}
 * @param path        HTTP path (null for TCP)
 * @param startedAt   when the task started running: the grace period and {@code delaySeconds} count from here
 */
public record CheckTarget(String appId, String taskId, String instanceId, int checkIndex, String version,
                          String protocol, String host, int port, String path, Duration interval, Duration timeout,
                          int gracePeriodSeconds, int maxConsecutiveFailures, Duration delay, boolean ignoreHttp1xx,
                          Instant startedAt) implements ScheduledCheck {

    public CheckTarget {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
    }
}
