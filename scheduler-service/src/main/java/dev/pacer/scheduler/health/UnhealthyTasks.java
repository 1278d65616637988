package dev.pacer.scheduler.health;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Pure: which of an app's running tasks have failed a check {@code maxConsecutiveFailures} times in a
 * row, and whether so many of its tasks are unhealthy at once that killing them would be a mass
 * restart (the app's brake).
 *
 * @param exceeded  tasks to replace, most failures first
 * @param unhealthy running tasks with a result that is not alive
 * @param running   running tasks considered
 * @param braked    more than {@code maxShare} of {@code running} are unhealthy, and at least {@code minUnhealthy}
 */
public record UnhealthyTasks(List<TaskRecord> exceeded, int unhealthy, int running, boolean braked) {

    public static UnhealthyTasks of(List<HealthCheck> checks, List<TaskRecord> running,
                                    Map<String, List<HealthResult>> results, double maxShare, int minUnhealthy) {
        int unhealthy = (int) running.stream().filter(t -> TaskHealth.unhealthy(results.get(t.taskId()))).count();
        List<TaskRecord> exceeded = running.stream()
                .filter(t -> failures(checks, results.get(t.taskId())) > 0)
                .sorted(Comparator.comparingInt((TaskRecord t) -> -failures(checks, results.get(t.taskId())))
                        .thenComparing(TaskRecord::taskId))
                .toList();
        boolean braked = unhealthy >= Math.max(1, minUnhealthy) && unhealthy > maxShare * running.size();
        return new UnhealthyTasks(exceeded, unhealthy, running.size(), braked);
    }

    /** The most consecutive failures among the task's checks that exceed their limit; 0 when none does. */
    private static int failures(List<HealthCheck> checks, List<HealthResult> results) {
        if (results == null) {
            return 0;
        }
        int worst = 0;
        for (HealthResult r : results) {
            if (r.checkIndex() < checks.size() && r.exceeds(maxFailures(checks.get(r.checkIndex())))) {
                worst = Math.max(worst, r.consecutiveFailures());
            }
        }
        return worst;
    }

    private static int maxFailures(HealthCheck check) {
        return check.maxConsecutiveFailures() == null ? 3 : check.maxConsecutiveFailures();
    }

    public double share() {
        return running == 0 ? 0 : (double) unhealthy / running;
    }
}
