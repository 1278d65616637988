package dev.pacer.scheduler.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.MicrometerSchedulerMetrics;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.AppSpecs;
import dev.pacer.scheduler.health.InMemoryTaskHealthStore;
import dev.pacer.scheduler.placement.PlacementMetrics;
import dev.pacer.scheduler.placement.Placer;
import dev.pacer.scheduler.placement.claim.InMemoryAgents;
import dev.pacer.scheduler.reconcile.Placements;
import dev.pacer.scheduler.reconcile.TaskLauncher;
import dev.pacer.scheduler.task.status.TaskTransitions;
import dev.pacer.scheduler.task.store.InMemoryTaskStore;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The launcher's story on in-memory agents and tasks: <em>given</em> agents (zone, capacity, state, how they
 * answer) and an app, <em>when</em> the reconciler asks for launches, <em>then</em> where the tasks went, what
 * was claimed and why the rest waits.
 *
 * <pre>
 * scenario.given().agent("a1", "a", 2, 1024).agent("b1", "b", 2, 1024)
 *         .app("{\"id\":\"/web\",\"cmd\":\"x\",\"cpus\":1,\"mem\":256}")
 *         .when().launching(2)
 *         .then().launched(2).perZone(Map.of("a", 1, "b", 1));
 * </pre>
 */
public final class LaunchScenario {

    private static final AppDefinitions DEFINITIONS = new AppDefinitions();

    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final InMemoryAgents agents = new InMemoryAgents();
    public final InMemoryTaskStore tasks = new InMemoryTaskStore(new InMemoryTaskHealthStore());
    public final FakeAgentClient agentApi = new FakeAgentClient();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<TaskRecord> changed = new ArrayList<>();
    private final TaskLauncher launcher = new TaskLauncher(new Placements(agents, Placer.standard(PlacementMetrics.NONE), agents), tasks, agentApi,
            new TaskTransitions() {
                @Override
                public void changed(TaskRecord before, TaskRecord after) {
                    changed.add(after);
                }

                @Override
                public void unknownTask(AppId app, TaskStatus status) {
                }
            }, new MicrometerSchedulerMetrics(meters), clock, null);
    private final Given given = new Given();
    private final When when = new When();
    private final Then then = new Then();
    private AppSpec app;
    private TaskLauncher.Result result;

    public Given given() {
        return given;
    }

    /** Agents, and the app to launch. */
    public final class Given {

        /** An agent of that zone with that many cpus and MiB, 100 MiB of disk and host ports 10000-10004. */
        public Given agent(String id, String zone, double cpus, double mem) {
            agents.register(new AgentInfo(id, id + ".example", 5051, zone, "eu", Map.of(), new Resources(cpus, mem, 100),
                    new PortRange(10000, 10004)));
            return this;
        }

        public Given draining(String agentId) {
            agents.state(agentId, AgentState.DRAINING);
            return this;
        }

        /** The agent answers launches with a 4xx and this reason. */
        public Given refusingLaunches(String agentId, String reason) {
            agentApi.refuseLaunches(agentId, reason);
            return this;
        }

        public Given unreachable(String agentId) {
            agentApi.unreachable(agentId);
            return this;
        }

        /** The app, as the API stores it (Marathon's defaults filled in). */
        public Given app(String definition) {
            Timestamp version = Timestamp.of(clock.instant());
            app = AppSpecs.from(DEFINITIONS.readNew(DEFINITIONS.json().parse(definition)).toBuilder().version(version)
                    .versionInfo(new VersionInfo(version, version)).build());
            return this;
        }

        public When when() {
            return when;
        }
    }

    /** The reconciler's call. */
    public final class When {

        /** Asks for {@code count} new tasks, beside the app's active ones. */
        public When launching(int count) {
            result = launcher.launch(app, count, tasks.ofApp(app.id()).stream().filter(TaskRecord::isActive).toList());
            return this;
        }

        public Then then() {
            return then;
        }
    }

    /** Where the tasks went. */
    public final class Then {

        /** Handed to agents by the last call. */
        public Then launched(int count) {
            assertThat(result.launched()).as("launched").isEqualTo(count);
            return this;
        }

        /** Every task record of the app in that state, counted. */
        public Then tasksIn(TaskState state, int count) {
            assertThat(tasks.ofApp(app.id())).filteredOn(t -> t.state() == state).hasSize(count);
            return this;
        }

        /** Active tasks per zone. */
        public Then perZone(Map<String, Integer> zones) {
            Map<String, Integer> actual = new TreeMap<>();
            tasks.ofApp(app.id()).stream().filter(TaskRecord::isActive).forEach(t -> actual.merge(t.zone(), 1, Integer::sum));
            assertThat(actual).isEqualTo(new TreeMap<>(zones));
            return this;
        }

        /** The agent was asked to run that many tasks, each with the ports of its claim. */
        public Then agentRuns(String agentId, int count) {
            assertThat(agentApi.launchedOn(agentId)).hasSize(count);
            agentApi.launchedOn(agentId).forEach(launch -> assertThat(agents.claims(AgentId.parse(agentId)).keySet())
                    .extracting(Object::toString).contains(launch.taskId()));
            return this;
        }

        /** Claims held on the agent (a failed launch keeps its claim until its failure is applied). */
        public Then claimsOn(String agentId, int count) {
            assertThat(agents.claims(AgentId.parse(agentId))).hasSize(count);
            return this;
        }

        /** Why the rest could not be placed: reason → agents (or tasks, for claims declined). */
        public Then declined(Map<String, Integer> reasons) {
            assertThat(result.declines()).isEqualTo(reasons);
            return this;
        }

        /** A task failed at launch with this message, and its change was handed on (backoff, last failure). */
        public Then failedWith(String message) {
            assertThat(changed).anySatisfy(t -> {
                assertThat(t.state()).isEqualTo(TaskState.TASK_FAILED);
                assertThat(t.message()).isEqualTo(message);
            });
            return this;
        }

        public Then counted(String meter, double value) {
            assertThat(meters.get(meter).counter().count()).isEqualTo(value);
            return this;
        }

        public When when() {
            return when;
        }

        public Given given() {
            return given;
        }
    }
}
