package dev.pacer.scheduler.reconcile;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.pubsub.Subscription;
import dev.pacer.boot.work.WorkQueues;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.LogContext;
import dev.pacer.scheduler.SchedulerMetrics;
import dev.pacer.scheduler.agent.AgentClient;
import dev.pacer.scheduler.agent.AgentDirectory;
import dev.pacer.scheduler.definition.spec.AppSpecs;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.definition.store.AppStore;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.health.HealthKillProperties;
import dev.pacer.scheduler.health.HealthKills;
import dev.pacer.scheduler.health.TaskHealthStore;
import dev.pacer.scheduler.placement.Placer;
import dev.pacer.scheduler.placement.claim.AgentClaims;
import dev.pacer.scheduler.placement.claim.AgentViews;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.queue.QueueStore;
import dev.pacer.scheduler.secrets.GrantIssuer;
import dev.pacer.scheduler.shard.ShardLeases;
import dev.pacer.scheduler.task.status.AgentMonitor;
import dev.pacer.scheduler.task.status.StatusStream;
import dev.pacer.scheduler.task.status.TaskStatusApplier;
import dev.pacer.scheduler.task.status.TaskStatusConsumer;
import dev.pacer.scheduler.task.status.TaskTransitions;
import dev.pacer.scheduler.task.store.TaskStore;
import dev.pacer.scheduler.work.AppHints;
import dev.pacer.scheduler.work.KeyedWorkQueue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the reconcile loop: the pass of one app, its launcher and killer, the keyed work queue; {@link SchedulerLoops} runs them. */
@Configuration(proxyBeanMethods = false)
class ReconcileConfiguration {

    @Bean
    TaskKiller taskKiller(TaskStore tasks, AgentDirectory directory, AgentClient agents, TaskTransitions transitions, Clock clock) {
        return new TaskKiller(tasks, directory, agents, transitions, clock);
    }

    @Bean
    TaskLauncher taskLauncher(AgentViews views, Placer placer, AgentClaims claims, TaskStore tasks, AgentClient agents,
                              TaskTransitions transitions, SchedulerMetrics metrics, Clock clock, GrantIssuer grants) {
        return new TaskLauncher(new Placements(views, placer, claims), tasks, agents, transitions, metrics, clock, grants);
    }

    @Bean
    AppReconciler appReconciler(AppSpecs specs, TaskStore tasks, HealthyTasks health, DeploymentHook deployments,
                                BackoffStore backoffs, Clock clock, ReconcileProperties properties,
                                HealthKillProperties healthKills, PlanExecutor executor) {
        return new AppReconciler(new AppObserver(specs, tasks, health, deployments, backoffs, clock),
                new AppPlanner(properties, healthKills), executor);
    }

    @Bean
    PlanExecutor planExecutor(TaskLauncher launcher, TaskKiller killer, QueueStore queue, AppRepository apps,
                              HealthKills healthKills, DeploymentHook deployments, TaskStateCounts counts) {
        return new PlanExecutor(launcher, killer, queue, apps::forget, healthKills, deployments, counts);
    }

    /** {@code pacer.scheduler.tasks{state}}: the task records of the apps this instance reconciles, as its passes saw them. */
    @Bean
    TaskStateCounts taskStateCounts(ShardLeases leases, MeterRegistry registry) {
        TaskStateCounts counts = new TaskStateCounts(app -> leases.owns(app.toString()), System::nanoTime, Duration.ofSeconds(1));
        for (TaskState state : TaskState.values()) {
            Gauge.builder("pacer.scheduler.tasks", counts, c -> c.count(state))
                    .description("Tasks of the apps this instance reconciles, by state, as its last passes saw them (sum over instances for the cluster)")
                    .tag("state", state.name().substring("TASK_".length()).toLowerCase(Locale.ROOT)).register(registry);
        }
        return counts;
    }

    @Bean
    HealthyTasks healthyTasks(TaskHealthStore store, ReadinessProbes readiness) {
        return new HealthyTasks(store, readiness);
    }

    @Bean
    ReadinessProbes readinessProbes(StringRedisTemplate redis, JsonMapper json, AppHints hints, Clock clock) {
        return new ReadinessProbes(redis, json, hints, clock);
    }

    @Bean(destroyMethod = "close")
    KeyedWorkQueue<AppId> reconcileQueue(AppReconciler reconciler, ReconcileProperties properties, SchedulerMetrics metrics,
                                         MeterRegistry registry, WorkQueues workQueues) {
        KeyedWorkQueue<AppId> queue = new KeyedWorkQueue<>("pacer-reconcile", properties.workers(), properties.queueCapacity(), app -> {
            long start = System.nanoTime();
            try {
                return LogContext.withApp(app, () -> reconciler.reconcile(app));
            } finally {
                metrics.reconcilePass(Duration.ofNanos(System.nanoTime() - start));
            }
        });
        Gauge.builder("pacer.scheduler.reconcile.queued", queue, KeyedWorkQueue::queued)
                .description("Apps waiting for a reconcile worker (at most one entry per app)").register(registry);
        Gauge.builder("pacer.scheduler.reconcile.busy", queue, KeyedWorkQueue::busy)
                .description("Reconcile workers busy now").register(registry);
        FunctionCounter.builder("pacer.scheduler.reconcile.dropped", queue, KeyedWorkQueue::dropped)
                .description("Apps not queued because the reconcile queue was full (the resync brings them back)").register(registry);
        return workQueues.register(queue);
    }

    /** Hints for apps of the shards this instance holds go into the reconcile queue (others are some other's). */
    @Bean(destroyMethod = "cancel")
    Subscription appHintListener(PubSub pubSub, KeyedWorkQueue<AppId> queue, ShardLeases leases) {
        return pubSub.subscribe(Channels.APP_HINTS, app -> {
            if (leases.owns(app.toString())) {
                queue.enqueue(app);
            }
        });
    }

    @Bean
    SchedulerLoops schedulerLoops(StringRedisTemplate redis, JsonMapper json, TaskStatusApplier applier,
                                  ClusterMembership membership, KeyedWorkQueue<AppId> queue, ShardLeases leases,
                                  AppStore apps, AgentMonitor monitor, ReconcileProperties properties,
                                  DeploymentService deployments, SchedulerMetrics metrics) {
        return new SchedulerLoops(() -> new TaskStatusConsumer(redis, json, applier, StatusStream.TASK_STATUS,
                Optional.ofNullable(membership.selfId()).orElse("scheduler"), Duration.ofSeconds(30), metrics),
                queue, leases, apps, monitor, properties, deployments::currentStepApps);
    }
}
