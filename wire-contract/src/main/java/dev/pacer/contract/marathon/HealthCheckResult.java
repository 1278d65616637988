package dev.pacer.contract.marathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.marathon.app.Timestamp;

/**
 * One entry of a task's {@code healthCheckResults} in Marathon's shape (RAML {@code Health}): exactly its
 * keys, the optional ones left out while unknown, times as {@link Timestamp}s (milliseconds, UTC).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthCheckResult(boolean alive, int consecutiveFailures, Timestamp firstSuccess, String instanceId,
                                Timestamp lastSuccess, Timestamp lastFailure, String lastFailureCause) {

    /** A stored result as Marathon shows it (a stored time that does not parse is left out). */
    public static HealthCheckResult of(HealthResult r) {
        return new HealthCheckResult(r.alive(), r.consecutiveFailures(), time(r.firstSuccess()),
                r.instanceId() != null ? r.instanceId() : r.taskId(), time(r.lastSuccess()), time(r.lastFailure()),
                r.lastFailureCause());
    }

    private static Timestamp time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Timestamp.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
