package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.Desired;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.health.HealthKills;
import dev.pacer.scheduler.queue.Backoff;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.queue.QueueStore;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.task.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile pass for one app: load the desired state and the task records, compute the plan
 * with {@link ReconcileDiff}, and carry it out. Answers when to look at the app again: soon while
 * work is in flight (tasks staging or being killed, launches declined or delayed), else never —
 * the periodic resync and status hints bring it back.
 */
public class AppReconciler {

    private static final Logger log = LoggerFactory.getLogger(AppReconciler.class);
    private static final Duration SOON = Duration.ofSeconds(2);
    /** A kill without news from the agent for this long is asked for again. */
    private static final Duration KILL_RETRY = Duration.ofSeconds(10);

    private final Function<AppId, Optional<AppSpec>> specs;
    private final TaskStore tasks;
    private final TaskLauncher launcher;
    private final TaskKiller killer;
    private final BackoffStore backoffs;
    private final QueueStore queue;
    private final AppForgetter forgetter;
    private final ReconcileProperties properties;
    private final HealthyTasks health;
    private final DeploymentHook deployments;
    private final Clock clock;
    private final HealthKills healthKills;
    private final TaskStateCounts counts;

    /** Drops a deleted app whose tasks are all gone from its shard. */
    public interface AppForgetter {
        void forget(AppId app);
    }

    public AppReconciler(Function<AppId, Optional<AppSpec>> specs, TaskStore tasks, TaskLauncher launcher,
                         TaskKiller killer, BackoffStore backoffs, QueueStore queue, AppForgetter forgetter,
                         ReconcileProperties properties, HealthyTasks health, DeploymentHook deployments, Clock clock,
                         HealthKills healthKills, TaskStateCounts counts) {
        this.healthKills = healthKills;
        this.counts = counts;
        this.specs = specs;
        this.tasks = tasks;
        this.launcher = launcher;
        this.killer = killer;
        this.backoffs = backoffs;
        this.queue = queue;
        this.forgetter = forgetter;
        this.properties = properties;
        this.health = health;
        this.deployments = deployments;
        this.clock = clock;
    }

    public Optional<Duration> reconcile(AppId app) {
        Instant now = clock.instant();
        Optional<AppSpec> spec = specs.apply(app);
        List<TaskRecord> observed = tasks.ofApp(app);
        counts.observed(app, observed);
        DeploymentHook.Held held = deployments.held(app);
        return dev.pacer.scheduler.LogContext.withDeployment(held.deploymentId(), () -> pass(app, now, spec, observed, held));
    }

    /** The rest of a pass, with the id of the deployment holding the app (if any) in the logs' MDC. */
    private Optional<Duration> pass(AppId app, Instant now, Optional<AppSpec> spec, List<TaskRecord> observed,
                                    DeploymentHook.Held held) {
        Desired desired = spec.map(AppSpec::desired).orElseGet(AppSpec::deleted).withLaunchTimeout(properties.launchTimeout())
                .withCanary(canaryBound(spec, held));
        Map<String, List<dev.pacer.contract.health.HealthResult>> results = spec.map(health::results).orElse(Map.of());
        Set<String> healthy = spec.map(s -> health.of(s, observed, results)).orElse(Set.of());
        Plan plan = ReconcileDiff.plan(desired, observed, healthy, now, properties.maxLaunchesPerPass(), properties.maxKillsPerPass());

        plan.expunge().forEach(launcher::expunge);
        plan.kills().forEach(killer::kill);
        observed.stream()
                .filter(t -> t.killRequested() && t.isActive() && t.state() != dev.pacer.contract.task.TaskState.TASK_UNREACHABLE
                        && t.statusAt().plus(KILL_RETRY).isBefore(now))
                .forEach(killer::kill);

        boolean deploying = deployments.afterPass(app, held, spec, observed, healthy, now);
        if (spec.isEmpty()) {
            queue.done(app);
            if (deploying) {
                return Optional.of(SOON); // a deployment is about to (re)create it: keep it in its shard
            }
            if (observed.stream().allMatch(t -> plan.expunge().contains(t))) {
                forgetter.forget(app);
                counts.forget(app);
                log.info("App {} is gone: every task stopped", app);
                return Optional.empty();
            }
            return Optional.of(SOON);
        }
        HealthKills.Decision unhealthy = healthKills.decide(spec.get(), observed.stream()
                .filter(t -> t.isActive() && !t.killRequested() && !plan.kills().contains(t)).toList(), observed, results);
        unhealthy.kills().forEach(killer::kill);
        Optional<Duration> again = earliest(launch(spec.get(), observed, plan, now), unhealthy.again());
        boolean inFlight = deploying || !plan.kills().isEmpty() || !unhealthy.kills().isEmpty() || observed.stream().anyMatch(t -> t.isActive()
                && (t.killRequested() || t.state() == dev.pacer.contract.task.TaskState.TASK_STAGING));
        return again.isPresent() ? again : inFlight ? Optional.of(SOON) : Optional.empty();
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

    private static Optional<Duration> earliest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) <= 0 ? a : b;
    }

    private Optional<Duration> launch(AppSpec spec, List<TaskRecord> observed, Plan plan, Instant now) {
        if (plan.launches() == 0) {
            queue.done(spec.id());
            return Optional.empty();
        }
        Backoff backoff = backoffs.get(spec.id());
        if (backoff.delays(now)) {
            queue.waiting(spec.id(), plan.launches(), Map.of(), now);
            return Optional.of(backoff.timeLeft(now).plusMillis(50));
        }
        List<TaskRecord> active = observed.stream()
                .filter(t -> t.isActive() && !plan.kills().contains(t) && !plan.expunge().contains(t))
                .toList();
        TaskLauncher.Result result = launcher.launch(spec, plan.launches(), active);
        if (result.launched() < plan.launches()) {
            queue.waiting(spec.id(), plan.launches() - result.launched(), result.declines(), now);
            return Optional.of(properties.declinedRetry());
        }
        queue.done(spec.id());
        return Optional.of(SOON);
    }
}
