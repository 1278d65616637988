package dev.pacer.scheduler.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * Marathon's launch backoff of an app: after the n-th failure in a row the next launch waits
 * {@code backoffSeconds × backoffFactor^(n-1)}, at most {@code maxLaunchDelaySeconds}.
 *
 * @param failures   failures since the last reset
 * @param delayUntil no launch before this (null: none pending)
 */
public record Backoff(int failures, Instant delayUntil) {

    public static final Backoff NONE = new Backoff(0, null);

    public static Duration delay(int failures, int backoffSeconds, double backoffFactor, int maxLaunchDelaySeconds) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        double seconds = backoffSeconds * Math.pow(backoffFactor, failures - 1);
        return Duration.ofMillis((long) (Math.min(seconds, maxLaunchDelaySeconds) * 1000));
    }

    /** The state after one more failure at {@code now}. */
    public Backoff afterFailure(Instant now, int backoffSeconds, double backoffFactor, int maxLaunchDelaySeconds) {
        int n = failures + 1;
        return new Backoff(n, now.plus(delay(n, backoffSeconds, backoffFactor, maxLaunchDelaySeconds)));
    }

    public boolean delays(Instant now) {
        return delayUntil != null && now.isBefore(delayUntil);
    }

    public Duration timeLeft(Instant now) {
        return delays(now) ? Duration.between(now, delayUntil) : Duration.ZERO;
    }
}
