package dev.pacer.scheduler.deploy;

import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one reconcile pass observed of an app whose action is in its deployment's current step: the input
 * of {@link DeploymentGate} and of every {@link DeploymentStrategy}'s gate, in one value so the rules read
 * the same facts the same way (which tasks are the new set, whether the change is stored yet).
 *
 * @param spec    the app as stored (empty once deleted)
 * @param healthy ids of its running tasks that pass every health check
 */
record PassObservation(RunningDeployment deployment, DeploymentAction action, Optional<AppSpec> spec,
                              List<TaskRecord> tasks, Set<String> healthy, Instant now) {

    public PassObservation {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(spec, "spec");
        tasks = List.copyOf(tasks);
        healthy = Set.copyOf(healthy);
        Objects.requireNonNull(now, "now");
    }

    public DeploymentPlan plan() {
        return deployment.plan();
    }

    /** When the deployment started (the unstored grace counts from it). */
    public Instant startedAt() {
        return Instant.ofEpochMilli(deployment.plan().startedAt());
    }

    /** Tasks that count towards the app's instances (not terminal). */
    public List<TaskRecord> active() {
        return tasks.stream().filter(TaskRecord::isActive).toList();
    }

    /** Active tasks that stay (no kill requested). */
    public List<TaskRecord> staying() {
        return tasks.stream().filter(t -> t.isActive() && !t.killRequested()).toList();
    }

    /** The new set: staying tasks of the stored config (empty when the app is deleted). */
    public List<TaskRecord> fresh() {
        if (spec.isEmpty()) {
            return List.of();
        }
        Instant config = spec.get().configVersion();
        return staying().stream().filter(t -> t.runsConfig(config)).toList();
    }

    /** Running and passing every health check. */
    public boolean runsHealthy(TaskRecord task) {
        return task.state() == TaskState.TASK_RUNNING && healthy.contains(task.taskId());
    }

    /**
     * The change is started but not stored yet (the request that began it is still writing): the stored
     * definition is the one it replaces, and its tasks are not the "new set" of anything. Only for a
     * stored app and an action with a version.
     */
    public boolean unstored() {
        return Instant.parse(spec.orElseThrow().version()).isBefore(Instant.parse(action.version()));
    }
}
