package dev.pacer.boot.health;

import java.time.Duration;
import java.time.Instant;

/** A check as a test states it. */
record TestCheck(String appId, String taskId, String instanceId, int checkIndex, String version, String protocol,
                 Duration interval, Duration timeout, Duration delay, int gracePeriodSeconds,
                 int maxConsecutiveFailures, Instant startedAt) implements ScheduledCheck {

    static TestCheck of(String taskId, Instant startedAt) {
        return new TestCheck("/web", taskId, taskId + "-i", 0, "v1", "HTTP", Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ZERO, 0, 3, startedAt);
    }

    TestCheck withGrace(int seconds) {
        return new TestCheck(appId, taskId, instanceId, checkIndex, version, protocol, interval, timeout, delay, seconds,
                maxConsecutiveFailures, startedAt);
    }

    TestCheck withTiming(Duration interval, Duration timeout, Duration delay) {
        return new TestCheck(appId, taskId, instanceId, checkIndex, version, protocol, interval, timeout, delay,
                gracePeriodSeconds, maxConsecutiveFailures, startedAt);
    }

    TestCheck withVersion(String v) {
        return new TestCheck(appId, taskId, instanceId, checkIndex, v, protocol, interval, timeout, delay,
                gracePeriodSeconds, maxConsecutiveFailures, startedAt);
    }
}
