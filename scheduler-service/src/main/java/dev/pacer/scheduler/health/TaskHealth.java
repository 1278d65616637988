package dev.pacer.scheduler.health;

import dev.pacer.contract.health.HealthResult;
import java.util.List;

/** Marathon's reading of a task's check results (pure). */
public final class TaskHealth {

    private TaskHealth() {
    }

    /** Healthy: it has results and every one is alive (tasks without results are neither). */
    public static boolean healthy(List<HealthResult> results) {
        return results != null && !results.isEmpty() && results.stream().allMatch(HealthResult::alive);
    }

    /** Unhealthy: some result is not alive. */
    public static boolean unhealthy(List<HealthResult> results) {
        return results != null && results.stream().anyMatch(r -> !r.alive());
    }
}
