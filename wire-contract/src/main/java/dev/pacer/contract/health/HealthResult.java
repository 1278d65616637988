package dev.pacer.contract.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The current result of one health check of one task, as stored in Redis
 * ({@link HealthKeys#taskHealth}) and shown in a task's {@code healthCheckResults} (reference §5).
 *
 * <p>Written only by the checker that owns the check: health-service for HTTP, HTTPS and TCP, the
 * task's agent for COMMAND and the MESOS_* protocols. Failures inside the grace period (before the
 * first success and while {@code gracePeriodSeconds} has not run out) are not counted.
 *
 * @param checkIndex          index of the check in the app's {@code healthChecks} of {@code version}
 * @param version             the app version whose checks produced this result
 * @param alive               the last counted probe succeeded
 * @param consecutiveFailures counted failures since the last success
 * @param firstSuccess        ISO-8601 time of the first success, null before it
 * @param lastSuccess         ISO-8601 time of the last success, null before it
 * @param lastFailure         ISO-8601 time of the last counted failure, null before it
 * @param lastFailureCause    why the last counted failure failed (never a secret; status code, timeout…)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealthResult(String taskId, String instanceId, int checkIndex, String version, boolean alive,
                           int consecutiveFailures, String firstSuccess, String lastSuccess, String lastFailure,
                           String lastFailureCause) {

    public HealthResult {
        Objects.requireNonNull(taskId, "taskId");
        if (checkIndex < 0) {
            throw new IllegalArgumentException("checkIndex must be >= 0");
        }
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must be >= 0");
        }
    }

    /**
     * Failing at least {@code maxConsecutiveFailures} times in a row; never when that is 0 (Marathon:
     * "0 = never kill").
     */
    public boolean exceeds(int maxConsecutiveFailures) {
        return !alive && maxConsecutiveFailures > 0 && consecutiveFailures >= maxConsecutiveFailures;
    }
}
