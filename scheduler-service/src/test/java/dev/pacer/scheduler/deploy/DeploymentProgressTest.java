package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.Desired;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentProgressTest {

    private static final AppId APP = AppId.parse("/p/web");
    private static final Instant V1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2026-01-02T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-03T00:00:00Z");
    private static final DeploymentAction TO_V2 =
            new DeploymentAction(DeploymentAction.Type.RestartApplication, APP.toString(), V2.toString(), V1.toString());

    @Test
    void done_whenExactlyTheInstancesRunHealthyInTheTargetVersion() {
        TaskRecord a = running(V2);
        TaskRecord b = running(V2);

        assertThat(done(TO_V2, spec(V2, 2), List.of(a, b), Set.of(a.taskId(), b.taskId()), NOW)).isTrue();
        assertThat(done(TO_V2, spec(V2, 2), List.of(a, b), Set.of(a.taskId()), NOW)).as("one unhealthy").isFalse();
        assertThat(done(TO_V2, spec(V2, 2), List.of(a, b, running(V1)), Set.of(a.taskId(), b.taskId()), NOW))
                .as("an old task left").isFalse();
        assertThat(done(TO_V2, spec(V2, 3), List.of(a, b), Set.of(a.taskId(), b.taskId()), NOW)).as("one missing").isFalse();
    }

    @Test
    void aChangeThatWasNeverStored_isGivenUpAfterTheGrace_soItsLocksDoNotStayForever() {
        Instant started = NOW;
        assertThat(done(TO_V2, spec(V1, 1), List.of(running(V1)), Set.of(), started.plusSeconds(5), started)).isFalse();
        assertThat(done(TO_V2, spec(V1, 1), List.of(running(V1)), Set.of(),
                started.plus(DeploymentProgress.UNSTORED_GRACE).plusSeconds(1), started)).isTrue();
    }

    @Test
    void aSupersededOrDeletedApp_isDone_andAStopIsDoneWhenNoTaskIsLeft() {
        Instant v3 = V2.plusSeconds(60);
        assertThat(done(TO_V2, spec(v3, 1), List.of(running(V1)), Set.of(), NOW)).isTrue();
        assertThat(done(TO_V2, Optional.empty(), List.of(running(V1)), Set.of(), NOW)).isTrue();
        DeploymentAction stop = new DeploymentAction(DeploymentAction.Type.StopApplication, APP.toString(), null, V1.toString());
        assertThat(done(stop, Optional.empty(), List.of(running(V1)), Set.of(), NOW)).isFalse();
        assertThat(done(stop, Optional.empty(), List.of(), Set.of(), NOW)).isTrue();
    }

    @Test
    void aBlueGreenChangeNotStoredYet_opensNothing_theTasksOfTheDefinitionItReplacesAreNotItsNewSet() {
        InMemoryDeploymentStore store = new InMemoryDeploymentStore();
        InMemoryTrafficGate traffic = new InMemoryTrafficGate();
        DeploymentPlan plan = new DeploymentPlan("bg", V2.toString(), NOW.toEpochMilli(), List.of(List.of(TO_V2)), null,
                Map.of(), 0, Map.of(APP.toString(), 3));
        assertThat(store.start(plan)).isEmpty();
        traffic.deny(APP, List.of(V2.toString())); // as the request does, before it stores V2
        DeploymentProgress progress = new DeploymentProgress(store, null, new DeploymentActivator() {
            @Override
            public boolean activate(DeploymentAction action) {
                return false; // V2 is not stored yet
            }

            @Override
            public String revert(String deploymentId, String why) {
                throw new AssertionError("no revert expected");
            }
        }, app -> { }, traffic, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        TaskRecord a = running(V1);
        TaskRecord b = running(V1);

        DeploymentHook.Held held = progress.held(APP);
        assertThat(held.target()).isEqualTo(V2.toString());
        assertThat(progress.afterPass(APP, held, spec(V1, 2), List.of(a, b), Set.of(a.taskId(), b.taskId()), NOW))
                .as("still waiting").isTrue();

        assertThat(traffic.denied(APP)).as("the green set stays out of traffic").containsExactly(V2.toString());
        assertThat(store.get("bg").orElseThrow().openedAt()).isNull();
        assertThat(store.get("bg").orElseThrow().switchedAt()).isNull();
    }

    private static boolean done(DeploymentAction action, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy, Instant now) {
        return done(action, spec, tasks, healthy, now, now);
    }

    private static boolean done(DeploymentAction action, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                                Instant now, Instant started) {
        return DeploymentProgress.isDone(action, spec, tasks, healthy, now, started);
    }

    private static Optional<AppSpec> spec(Instant version, int instances) {
        return Optional.of(new AppSpec(APP, version.toString(), version, instances, new Resources(0.1, 32, 0), List.of(), List.of(),
                "serve", List.of(), Map.of(), Map.of(), 0, Desired.KillOrder.YOUNGEST_FIRST, Duration.ofMinutes(5),
                Duration.ofMinutes(10), 1, 1.15, 3600, List.of(), Map.of(), Map.of(), 1, 1, List.of(), List.of(), null));
    }

    private static TaskRecord running(Instant version) {
        return TaskRecord.staged(TaskId.newTask(APP), "agent", "host", version.toString(), List.of(), NOW.minusSeconds(60))
                .withState(TaskState.TASK_RUNNING, NOW.minusSeconds(30), "", null);
    }
}
