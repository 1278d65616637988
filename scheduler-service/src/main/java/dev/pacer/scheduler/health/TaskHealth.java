package dev.pacer.scheduler.health;

import dev.pacer.contract.health.HealthResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** One entry of a task's {@code healthCheckResults} (reference §5): Marathon's fields, with both {@code instanceId} and {@code taskId}. */
    public static Map<String, Object> json(HealthResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alive", r.alive());
        m.put("consecutiveFailures", r.consecutiveFailures());
        m.put("firstSuccess", r.firstSuccess());
        m.put("lastSuccess", r.lastSuccess());
        m.put("lastFailure", r.lastFailure());
        m.put("lastFailureCause", r.lastFailureCause());
        m.put("instanceId", r.instanceId());
        m.put("taskId", r.taskId());
        return m;
    }
}
