package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.Desired;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.health.HealthKillProperties;
import dev.pacer.scheduler.health.UnhealthyTasks;
import dev.pacer.scheduler.queue.Backoff;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pure planner of a pass (Titus' reconciler is the model): from one {@link Observation} it decides every
 * action as one {@link Plan} — what the diff launches, kills and expunges (the deployment's canary bound applied),
 * which lost kills to ask again, which unhealthy tasks to replace, whether the launch backoff holds the launches.
 * No I/O, no clock, no logging: the same observation always gives the same plan.
 */
public class AppPlanner {

    /** A kill without news from the agent for this long is asked for again. */
    static final Duration KILL_RETRY = Duration.ofSeconds(10);

    private final ReconcileProperties reconcile;
    private final HealthKillProperties health;

    public AppPlanner(ReconcileProperties reconcile, HealthKillProperties health) {
        this.reconcile = reconcile;
        this.health = health;
    }

    public Plan plan(Observation seen) {
        Instant now = seen.now();
        Desired desired = seen.spec().map(AppSpec::desired).orElseGet(AppSpec::deleted)
                .withLaunchTimeout(reconcile.launchTimeout()).withCanary(canaryBound(seen.spec(), seen.held()));
        Diff diff = ReconcileDiff.diff(desired, seen.tasks(), seen.healthy(), now, reconcile.maxLaunchesPerPass(),
                reconcile.maxKillsPerPass());
        List<TaskRecord> retries = seen.tasks().stream()
                .filter(t -> t.killRequested() && t.isActive() && t.state() != TaskState.TASK_UNREACHABLE
                        && t.statusAt().plus(KILL_RETRY).isBefore(now))
                .toList();
        if (seen.spec().isEmpty()) {
            return new Plan(diff, retries, null, Plan.Launch.none(), true);
        }
        return new Plan(diff, retries, unhealthy(seen.spec().get(), seen, diff), launch(seen, diff), false);
    }

    /**
     * How many current tasks the pass may run beside the outdated ones (-1: no bound). While the
     * deployment holding the app has started but not yet stored its change, nothing new starts and
     * nothing outdated goes (0): the stored definition is the one being replaced, and acting on it
     * (say, rolling out the canary config a cancel is taking back) would kill tasks the change keeps.
     */
    static int canaryBound(Optional<AppSpec> spec, DeploymentHook.Held held) {
        if (spec.isEmpty()) {
            return -1;
        }
        if (held.target() != null && Instant.parse(spec.get().version()).isBefore(Instant.parse(held.target()))) {
            return 0;
        }
        return held.canary();
    }

    /** The running tasks nothing else is killing that failed a check too often (null: the app has no checks). */
    private UnhealthyTasks unhealthy(AppSpec spec, Observation seen, Diff diff) {
        if (spec.healthChecks().isEmpty()) {
            return null;
        }
        List<TaskRecord> running = seen.tasks().stream()
                .filter(t -> t.state() == TaskState.TASK_RUNNING && !t.killRequested() && !diff.kills().contains(t))
                .toList();
        return UnhealthyTasks.of(spec.healthChecks(), running, seen.results(), health.maxUnhealthyShare(),
                health.minUnhealthyForBrake());
    }

    private Plan.Launch launch(Observation seen, Diff diff) {
        if (diff.launches() == 0) {
            return Plan.Launch.none();
        }
        Backoff backoff = seen.backoff().get();
        if (backoff.delays(seen.now())) {
            return new Plan.Launch(diff.launches(), Optional.of(backoff.timeLeft(seen.now()).plusMillis(50)), List.of(),
                    reconcile.declinedRetry());
        }
        List<TaskRecord> beside = seen.tasks().stream()
                .filter(t -> t.isActive() && !diff.kills().contains(t) && !diff.expunge().contains(t))
                .toList();
        return new Plan.Launch(diff.launches(), Optional.empty(), beside, reconcile.declinedRetry());
    }
}
