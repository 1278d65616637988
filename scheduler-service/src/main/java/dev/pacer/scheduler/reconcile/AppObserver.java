package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.queue.Backoff;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.task.store.TaskStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads what a pass needs, once, at its start: the stored definition, the task records, their health results
 * (one read when the app has checks), the deployment holding the app; the launch backoff only if asked for.
 */
class AppObserver {

    private final Function<AppId, Optional<AppSpec>> specs;
    private final TaskStore tasks;
    private final HealthyTasks health;
    private final DeploymentHook deployments;
    private final BackoffStore backoffs;
    private final Clock clock;

    public AppObserver(Function<AppId, Optional<AppSpec>> specs, TaskStore tasks, HealthyTasks health,
                       DeploymentHook deployments, BackoffStore backoffs, Clock clock) {
        this.specs = specs;
        this.tasks = tasks;
        this.health = health;
        this.deployments = deployments;
        this.backoffs = backoffs;
        this.clock = clock;
    }

    public Observation observe(AppId app) {
        var now = clock.instant();
        Optional<AppSpec> spec = specs.apply(app);
        List<TaskRecord> observed = tasks.ofApp(app);
        DeploymentHook.Held held = deployments.held(app);
        Map<String, List<HealthResult>> results = spec.map(health::results).orElse(Map.of());
        Set<String> healthy = spec.map(s -> health.of(s, observed, results)).orElse(Set.of());
        return new Observation(app, now, spec, observed, results, healthy, held, once(() -> backoffs.get(app)));
    }

    private static Supplier<Backoff> once(Supplier<Backoff> read) {
        return new Supplier<>() {
            private Backoff value;

            @Override
            public synchronized Backoff get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
