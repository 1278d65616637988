package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.health.TaskHealthStore;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of an app's tasks count as healthy for replacements and deployments: running; when the app
 * has health checks, alive in every one of them (each check index has an alive result; one read per
 * app); and when it has readiness checks, a task of the current config only once it is ready.
 */
class HealthyTasks {

    private final TaskHealthStore store;
    private final Readiness readiness;

    public HealthyTasks(TaskHealthStore store, Readiness readiness) {
        this.store = store;
        this.readiness = readiness;
    }

    /** The app's current health results by task id (one read; none when the app has no health checks). */
    public Map<String, List<HealthResult>> results(AppSpec spec) {
        return spec.healthChecks().isEmpty() ? Map.of() : store.ofApp(spec.id());
    }

    /** @param results the app's health results, from {@link #results} */
    public Set<String> of(AppSpec spec, List<TaskRecord> tasks, Map<String, List<HealthResult>> results) {
        Set<String> healthy = alive(spec, tasks, results);
        if (!spec.readinessChecks().isEmpty()) {
            Set<String> ready = readiness.ready(spec, tasks);
            tasks.stream().filter(t -> t.runsConfig(spec.configVersion()) && !ready.contains(t.taskId()))
                    .forEach(t -> healthy.remove(t.taskId()));
        }
        return healthy;
    }

    private Set<String> alive(AppSpec spec, List<TaskRecord> tasks, Map<String, List<HealthResult>> results) {
        Set<String> healthy = new HashSet<>();
        List<TaskRecord> running = tasks.stream().filter(t -> t.state() == TaskState.TASK_RUNNING).toList();
        int checks = spec.healthChecks().size();
        if (running.isEmpty() || checks == 0) {
            running.forEach(t -> healthy.add(t.taskId()));
            return healthy;
        }
        for (TaskRecord task : running) {
            Set<Integer> alive = new HashSet<>();
            results.getOrDefault(task.taskId(), List.of()).stream().filter(HealthResult::alive)
                    .forEach(r -> alive.add(r.checkIndex()));
            boolean all = true;
            for (int i = 0; i < checks && all; i++) {
                all = alive.contains(i);
            }
            if (all) {
                healthy.add(task.taskId());
            }
        }
        return healthy;
    }
}
