package dev.pacer.scheduler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.MicrometerSchedulerMetrics;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.AppSpecs;
import dev.pacer.scheduler.deploy.DeploymentHook;
import dev.pacer.scheduler.health.HealthKillProperties;
import dev.pacer.scheduler.health.HealthKills;
import dev.pacer.scheduler.health.InMemoryTaskHealthStore;
import dev.pacer.scheduler.placement.PlacementMetrics;
import dev.pacer.scheduler.placement.Placer;
import dev.pacer.scheduler.placement.claim.InMemoryAgents;
import dev.pacer.scheduler.queue.InMemoryBackoffStore;
import dev.pacer.scheduler.queue.InMemoryQueueStore;
import dev.pacer.scheduler.support.FakeAgentClient;
import dev.pacer.scheduler.task.status.TaskTransitions;
import dev.pacer.scheduler.task.store.InMemoryTaskStore;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A whole reconcile pass — observe, plan, apply — on the in-memory stores, agents and a fake agent API: what reaches
 * the agents, the task records and the queue (no Spring, no Redis; {@link AppPlannerTest} holds the planner's rules).
 */
class AppReconcilerTest {

    private static final AppDefinitions DEFINITIONS = new AppDefinitions();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryAgents agents = new InMemoryAgents();
    private final InMemoryTaskHealthStore health = new InMemoryTaskHealthStore();
    private final InMemoryTaskStore tasks = new InMemoryTaskStore(health);
    private final InMemoryQueueStore queue = new InMemoryQueueStore();
    private final FakeAgentClient agentApi = new FakeAgentClient();
    private final Map<AppId, AppSpec> apps = new HashMap<>();
    private final Set<AppId> forgotten = new HashSet<>();
    private final TaskTransitions transitions = new TaskTransitions() {
        @Override
        public void changed(TaskRecord before, TaskRecord after) {
        }

        @Override
        public void unknownTask(AppId app, TaskStatus status) {
        }
    };
    private final AppReconciler reconciler = reconciler();

    @Test
    void aNewApp_isLaunchedOnTheAgents_spreadOverZones_andLeavesNothingQueued() {
        agent("a1", "a");
        agent("b1", "b");
        AppId web = app("{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":2,\"cpus\":1,\"mem\":128}");

        Optional<Duration> again = reconciler.reconcile(web);

        assertThat(agentApi.launchedOn("a1")).hasSize(1);
        assertThat(agentApi.launchedOn("b1")).hasSize(1);
        assertThat(tasks.ofApp(web)).hasSize(2).allMatch(t -> t.state() == TaskState.TASK_STAGING);
        assertThat(queue.find(web)).isEmpty();
        assertThat(again).as("staging tasks: look again soon").contains(PlanExecutor.SOON);
    }

    @Test
    void launchesThatFindNoAgent_waitInTheQueue_withTheReason() {
        AppId web = app("{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":2,\"cpus\":1,\"mem\":128}");

        Optional<Duration> again = reconciler.reconcile(web);

        assertThat(tasks.ofApp(web)).isEmpty();
        assertThat(queue.find(web)).hasValueSatisfying(entry -> {
            assertThat(entry.count()).isEqualTo(2);
            assertThat(entry.declines()).containsKey("no_agents");
        });
        assertThat(again).contains(Duration.ofSeconds(5));
    }

    @Test
    void scalingDown_killsTheSurplusThroughTheAgent() {
        agent("a1", "a");
        AppId web = app("{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":3,\"cpus\":0.1,\"mem\":16}");
        reconciler.reconcile(web);
        running(web);
        List<String> launched = agentApi.launchedOn("a1").stream().map(l -> l.taskId()).toList();
        assertThat(launched).hasSize(3);

        Timestamp configChange = Timestamp.of(apps.get(web).configVersion());
        clock.advance(Duration.ofSeconds(1));
        apps.put(web, spec("{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":1,\"cpus\":0.1,\"mem\":16}", configChange));
        reconciler.reconcile(web);

        List<String> left = agentApi.launchedOn("a1").stream().map(l -> l.taskId()).toList();
        assertThat(left).hasSize(1).isSubsetOf(launched);
        assertThat(tasks.ofApp(web)).filteredOn(TaskRecord::killRequested).hasSize(2)
                .noneMatch(t -> left.contains(t.taskId()));
    }

    @Test
    void aDeletedApp_isForgotten_onceItsTasksHaveEnded() {
        agent("a1", "a");
        AppId web = app("{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":1,\"cpus\":0.1,\"mem\":16}");
        reconciler.reconcile(web);
        running(web);
        apps.remove(web);

        assertThat(reconciler.reconcile(web)).as("a kill in flight").contains(PlanExecutor.SOON);
        assertThat(tasks.ofApp(web)).hasSize(1).allMatch(TaskRecord::killRequested);
        assertThat(forgotten).isEmpty();

        reported(web, TaskState.TASK_KILLED);
        assertThat(reconciler.reconcile(web)).isEmpty();
        assertThat(tasks.ofApp(web)).isEmpty();
        assertThat(forgotten).containsExactly(web);
    }

    private AppReconciler reconciler() {
        ReconcileProperties properties = new ReconcileProperties(4, Duration.ofSeconds(60), 50, 50, Duration.ofSeconds(5),
                Duration.ofMinutes(5), 1000);
        HealthKillProperties healthKills = new HealthKillProperties(0.5, 0.5, 2, Duration.ofSeconds(60), 5, 50,
                Duration.ofSeconds(10), Duration.ofSeconds(5));
        TaskLauncher launcher = new TaskLauncher(new Placements(agents, Placer.standard(PlacementMetrics.NONE), agents), tasks,
                agentApi, transitions, new MicrometerSchedulerMetrics(new SimpleMeterRegistry()), clock, null);
        TaskKiller killer = new TaskKiller(tasks, agents, agentApi, transitions, clock);
        TaskStateCounts counts = new TaskStateCounts(app -> true, System::nanoTime, Duration.ofSeconds(1));
        AppObserver observer = new AppObserver(app -> Optional.ofNullable(apps.get(app)), tasks,
                new HealthyTasks(health, Readiness.NONE), DeploymentHook.NONE, new InMemoryBackoffStore(), clock);
        PlanExecutor executor = new PlanExecutor(launcher, killer, queue, forgotten::add, HealthKills.NONE,
                DeploymentHook.NONE, counts);
        return new AppReconciler(observer, new AppPlanner(properties, healthKills), executor);
    }

    private void agent(String id, String zone) {
        agents.register(new AgentInfo(id, id + ".example", 5051, zone, "eu", Map.of(), new Resources(4, 4096, 1000),
                new PortRange(10000, 10100)));
    }

    private AppId app(String definition) {
        AppSpec spec = spec(definition);
        apps.put(spec.id(), spec);
        return spec.id();
    }

    private AppSpec spec(String definition) {
        return spec(definition, Timestamp.of(clock.instant()));
    }

    /** A version of now whose config dates from {@code configChange} (a scale when earlier: tasks stay current). */
    private AppSpec spec(String definition, Timestamp configChange) {
        Timestamp version = Timestamp.of(clock.instant());
        return AppSpecs.from(DEFINITIONS.readNew(DEFINITIONS.json().parse(definition)).toBuilder().version(version)
                .versionInfo(new VersionInfo(version, configChange)).build());
    }

    /** Every staging task of the app started (the agents' status updates). */
    private void running(AppId app) {
        reported(app, TaskState.TASK_RUNNING);
    }

    /** The agents report every task of the app in {@code state}. */
    private void reported(AppId app, TaskState state) {
        clock.advance(Duration.ofSeconds(1));
        for (TaskRecord task : tasks.ofApp(app)) {
            tasks.update(app, task.taskId(), r -> r.withState(state, clock.instant(), "", null));
        }
    }
}
