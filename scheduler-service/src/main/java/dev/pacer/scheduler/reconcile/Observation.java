package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.queue.Backoff;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything one pass knows of one app, read once at its start by {@link AppObserver}: the stored definition,
 * the task records, their health, the deployment holding the app. {@link AppPlanner} decides from this alone.
 *
 * @param spec    the app as stored; empty once deleted
 * @param results the app's health results by task id (empty without health checks)
 * @param healthy ids of its running tasks that pass every health (and, when current, readiness) check
 * @param held    the deployment holding the app, read once for the whole pass
 * @param backoff the app's launch backoff, read only when the pass has launches to make (a Redis read saved
 *                on every other pass)
 */
public record Observation(AppId app, Instant now, Optional<AppSpec> spec, List<TaskRecord> tasks,
                          Map<String, List<HealthResult>> results, Set<String> healthy, DeploymentHook.Held held,
                          Supplier<Backoff> backoff) {

    public Observation {
        tasks = List.copyOf(tasks);
        results = Map.copyOf(results);
        healthy = Set.copyOf(healthy);
    }
}
