package dev.pacer.contract.health;

import java.time.Instant;

/**
 * Marathon's counting rule for one probe of one check (reference §4.2), shared by every writer of
 * {@link HealthResult}s (health-service and the agents) so that both count alike.
 *
 * <ul>
 *   <li>A success: alive, the failure count back to 0, {@code firstSuccess} set once, {@code lastSuccess} now.</li>
 *   <li>A failure before the first success and inside {@code gracePeriodSeconds} from the task's start
 *       is ignored: nothing is written (the task is neither healthy nor unhealthy yet).</li>
 *   <li>Any other failure: not alive, one more consecutive failure, {@code lastFailure} now, with its cause.</li>
 *   <li>A transition is published when alive flips (or on the first counted result), and once when the
 *       failures reach {@code maxConsecutiveFailures} ({@code exceeded}; never when that is 0).</li>
 * </ul>
 */
public final class HealthCounting {

    /** The new result (null: nothing to write) and the transition to publish (null: none). */
    public record Step(HealthResult result, HealthTransition transition) {
    }

    private HealthCounting() {
    }

    /**
     * @param previous  the check's current result, null when it has none
     * @param startedAt when the task started running (the grace period counts from there)
     */
    public static Step probe(HealthResult previous, String appId, String taskId, String instanceId, int checkIndex,
                             String version, boolean success, String cause, Instant now, Instant startedAt,
                             int gracePeriodSeconds, int maxConsecutiveFailures) {
        String at = now.toString();
        if (success) {
            HealthResult next = new HealthResult(taskId, instanceId, checkIndex, version, true, 0,
                    previous != null && previous.firstSuccess() != null ? previous.firstSuccess() : at, at,
                    previous == null ? null : previous.lastFailure(), previous == null ? null : previous.lastFailureCause());
            boolean flipped = previous == null || !previous.alive();
            return new Step(next, flipped ? transition(appId, next, false, null, now) : null);
        }
        boolean everSucceeded = previous != null && previous.firstSuccess() != null;
        boolean inGrace = startedAt != null && now.isBefore(startedAt.plusSeconds(gracePeriodSeconds));
        if (!everSucceeded && inGrace) {
            return new Step(null, null);
        }
        int failures = previous == null ? 1 : previous.consecutiveFailures() + 1;
        HealthResult next = new HealthResult(taskId, instanceId, checkIndex, version, false, failures,
                previous == null ? null : previous.firstSuccess(), previous == null ? null : previous.lastSuccess(),
                at, cause);
        boolean flipped = previous == null || previous.alive();
        boolean exceededNow = maxConsecutiveFailures > 0 && failures == maxConsecutiveFailures;
        return new Step(next, flipped || exceededNow ? transition(appId, next, exceededNow, cause, now) : null);
    }

    private static HealthTransition transition(String appId, HealthResult r, boolean exceeded, String cause, Instant now) {
        return new HealthTransition(appId, r.taskId(), r.checkIndex(), r.version(), r.alive(), r.consecutiveFailures(),
                exceeded, cause, now.toEpochMilli());
    }
}
