package dev.pacer.boot.health;

import java.time.Duration;

/**
 * What one probe found.
 *
 * @param result  healthy, unhealthy, or ignored (an HTTP 1xx with {@code ignoreHttp1xx}: not counted)
 * @param cause   why it was unhealthy ({@code HTTP 503}, {@code timeout after 1000 ms}, {@code connection refused}…)
 */
public record ProbeOutcome(Result result, String cause) {

    public enum Result { HEALTHY, UNHEALTHY, IGNORED }

    public static final ProbeOutcome HEALTHY = new ProbeOutcome(Result.HEALTHY, null);
    public static final ProbeOutcome IGNORED = new ProbeOutcome(Result.IGNORED, null);

    public static ProbeOutcome unhealthy(String cause) {
        return new ProbeOutcome(Result.UNHEALTHY, cause);
    }

    /** Healthy when {@code cause} is null, else unhealthy for that cause. */
    public static ProbeOutcome ofCause(String cause) {
        return cause == null ? HEALTHY : unhealthy(cause);
    }

    /** The cause every prober gives for a probe that ran out of time. */
    public static ProbeOutcome timedOut(Duration timeout) {
        return unhealthy("timeout after " + timeout.toMillis() + " ms");
    }

    /** Marathon's HTTP rule: 200–399 healthy; 1xx ignored when asked, else unhealthy; the rest unhealthy. */
    public static ProbeOutcome ofHttpStatus(int status, boolean ignoreHttp1xx) {
        if (status >= 200 && status < 400) {
            return HEALTHY;
        }
        if (status >= 100 && status < 200 && ignoreHttp1xx) {
            return IGNORED;
        }
        return unhealthy("HTTP " + status);
    }
}
