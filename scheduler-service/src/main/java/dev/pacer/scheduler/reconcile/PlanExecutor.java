package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.health.HealthKills;
import dev.pacer.scheduler.queue.QueueStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link Plan}, the only writer of a pass: expunges, kills, the deployment's step, health kills through
 * their cluster-wide admission (brakes, kill rates), launches through placement, the queue's view. Answers when to
 * look at the app again: soon while work is in flight (tasks staging or being killed, launches declined or delayed),
 * else never — the periodic resync and status hints bring it back.
 */
class PlanExecutor {

    private static final Logger log = LoggerFactory.getLogger(PlanExecutor.class);
    static final Duration SOON = Duration.ofSeconds(2);

    private final TaskLauncher launcher;
    private final TaskKiller killer;
    private final QueueStore queue;
    private final AppReconciler.AppForgetter forgetter;
    private final HealthKills healthKills;
    private final DeploymentHook deployments;
    private final TaskStateCounts counts;

    public PlanExecutor(TaskLauncher launcher, TaskKiller killer, QueueStore queue, AppReconciler.AppForgetter forgetter,
                        HealthKills healthKills, DeploymentHook deployments, TaskStateCounts counts) {
        this.launcher = launcher;
        this.killer = killer;
        this.queue = queue;
        this.forgetter = forgetter;
        this.healthKills = healthKills;
        this.deployments = deployments;
        this.counts = counts;
    }

    public Optional<Duration> apply(Observation seen, Plan plan) {
        AppId app = seen.app();
        counts.observed(app, seen.tasks());
        plan.diff().expunge().forEach(launcher::expunge);
        plan.diff().kills().forEach(killer::kill);
        plan.killRetries().forEach(killer::kill);
        boolean deploying = deployments.afterPass(app, seen.held(), seen.spec(), seen.tasks(), seen.healthy(), seen.now());
        if (plan.deleted()) {
            return deleted(app, seen, plan, deploying);
        }
        AppSpec spec = seen.spec().orElseThrow();
        HealthKills.Decision unhealthy = plan.unhealthy() == null ? HealthKills.Decision.NONE
                : healthKills.admit(spec, plan.unhealthy(), seen.tasks(), seen.results());
        unhealthy.kills().forEach(killer::kill);
        Optional<Duration> again = earliest(launch(spec, plan.launch(), seen), unhealthy.again());
        boolean inFlight = deploying || !plan.diff().kills().isEmpty() || !unhealthy.kills().isEmpty()
                || seen.tasks().stream().anyMatch(t -> t.isActive()
                && (t.killRequested() || t.state() == TaskState.TASK_STAGING));
        return again.isPresent() ? again : inFlight ? Optional.of(SOON) : Optional.empty();
    }

    private Optional<Duration> deleted(AppId app, Observation seen, Plan plan, boolean deploying) {
        queue.done(app);
        if (deploying) {
            return Optional.of(SOON); // a deployment is about to (re)create it: keep it in its shard
        }
        if (plan.leavesNothing(seen.tasks())) {
            forgetter.forget(app);
            counts.forget(app);
            log.info("App {} is gone: every task stopped", app);
            return Optional.empty();
        }
        return Optional.of(SOON);
    }

    private Optional<Duration> launch(AppSpec spec, Plan.Launch launch, Observation seen) {
        if (launch.count() == 0) {
            queue.done(spec.id());
            return Optional.empty();
        }
        if (launch.delay().isPresent()) {
            queue.waiting(spec.id(), launch.count(), Map.of(), seen.now());
            return launch.delay();
        }
        TaskLauncher.Result result = launcher.launch(spec, launch.count(), launch.beside());
        if (result.launched() < launch.count()) {
            queue.waiting(spec.id(), launch.count() - result.launched(), result.declines(), seen.now());
            return Optional.of(launch.onDeclined());
        }
        queue.done(spec.id());
        return Optional.of(SOON);
    }

    private static Optional<Duration> earliest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) <= 0 ? a : b;
    }
}
