package dev.pacer.scheduler.deploy;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.Desired;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One app changed from V1 to V2, its stored definition and tasks: what the deployment gate tests observe. */
final class GateFixtures {

    static final AppId APP = AppId.parse("/p/web");
    static final Instant V1 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant V2 = Instant.parse("2026-01-02T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-03T00:00:00Z");
    static final DeploymentAction TO_V2 =
            new DeploymentAction(DeploymentAction.Type.RestartApplication, APP.toString(), V2.toString(), V1.toString());

    private GateFixtures() {
    }

    /** A one-step deployment of {@code action} started at {@code NOW}, at step 1, nothing promoted, switched or opened. */
    static RunningDeployment deployment(DeploymentAction action) {
        return new RunningDeployment(plan(action, Map.of(), 0, Map.of(), null), 1, false, null, null);
    }

    static DeploymentPlan plan(DeploymentAction action, Map<String, Integer> canaries, long autoRevertAt,
                               Map<String, Integer> blueGreen, String rollbackOf) {
        return new DeploymentPlan("d-1", V2.toString(), NOW.toEpochMilli(), List.of(List.of(action)), rollbackOf, canaries,
                autoRevertAt, blueGreen);
    }

    static Optional<AppSpec> spec(Instant version, int instances) {
        return Optional.of(new AppSpec(APP, version.toString(), version, instances, new Resources(0.1, 32, 0), List.of(), List.of(),
                "serve", List.of(), Map.of(), Map.of(), 0, Desired.KillOrder.YOUNGEST_FIRST, Duration.ofMinutes(5),
                Duration.ofMinutes(10), 1, 1.15, 3600, List.of(), Map.of(), Map.of(), 1, 1, List.of(), List.of(), null));
    }

    static TaskRecord running(Instant version) {
        return staging(version).withState(TaskState.TASK_RUNNING, NOW.minusSeconds(30), "", null);
    }

    static TaskRecord staging(Instant version) {
        return TaskRecord.staged(TaskId.newTask(APP), "agent", "host", version.toString(), List.of(), NOW.minusSeconds(60));
    }

    static Set<String> idsOf(TaskRecord... tasks) {
        return Arrays.stream(tasks).map(TaskRecord::taskId).collect(Collectors.toSet());
    }
}
