package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pure heart of reconciliation: desired state + observed task records → the actions of one pass.
 * No I/O; only {@link AppReconciler} acts on the plan.
 *
 * <ul>
 *   <li>Terminal records are expunged. An unreachable task counts until {@code inactiveAfter}, is
 *       replaced after that, and is forgotten after {@code expungeAfter}.</li>
 *   <li>Tasks whose kill was requested do not count (their replacement may start). A task still
 *       staging after {@code launchTimeout} is killed and replaced: a launch lost between placing and
 *       starting (an agent that never ran it, a scheduler that died in between) repairs itself.</li>
 *   <li>Missing instances of the current definition are launched. Tasks of an outdated definition
 *       are kept only while current ones are not yet running, so capacity never drops during a
 *       change (a rolling replacement; deployments with upgrade strategies refine this).</li>
 *   <li>Surplus tasks are killed in {@code killSelection} order, tasks not yet running first.</li>
 *   <li>Each pass launches and kills at most the given caps; the rest waits for the next pass.</li>
 * </ul>
 */
public final class ReconcileDiff {

    private ReconcileDiff() {
    }

    public static Plan plan(Desired desired, List<TaskRecord> tasks, Instant now, int maxLaunches, int maxKills) {
        List<TaskRecord> expunge = new ArrayList<>();
        List<TaskRecord> counted = new ArrayList<>();
        List<TaskRecord> stuck = new ArrayList<>();
        for (TaskRecord task : tasks) {
            if (task.state().isTerminal()) {
                expunge.add(task);
            } else if (task.state() == TaskState.TASK_UNREACHABLE) {
                if (!now.isBefore(task.unreachableSince().plus(desired.expungeAfter()))) {
                    expunge.add(task);
                } else if (now.isBefore(task.unreachableSince().plus(desired.inactiveAfter())) && !desired.deleting()) {
                    counted.add(task);
                }
            } else if (task.killRequested()) {
                continue;
            } else if (task.state() == TaskState.TASK_STAGING && !now.isBefore(task.stagedAt().plus(desired.launchTimeout()))) {
                stuck.add(task);
            } else {
                counted.add(task);
            }
        }
        if (desired.deleting()) {
            counted.addAll(stuck);
            return new Plan(0, cap(counted, maxKills), expunge);
        }
        List<TaskRecord> current = new ArrayList<>();
        List<TaskRecord> outdated = new ArrayList<>();
        for (TaskRecord task : counted) {
            (isCurrent(task, desired) ? current : outdated).add(task);
        }
        List<TaskRecord> kills = new ArrayList<>(stuck);
        int surplus = current.size() - desired.instances();
        if (surplus > 0) {
            kills.addAll(inKillOrder(current, desired).subList(0, surplus));
        }
        long runningCurrent = current.stream().filter(t -> t.state() == TaskState.TASK_RUNNING).count();
        int outdatedToKeep = (int) Math.max(0, desired.instances() - runningCurrent);
        List<TaskRecord> outdatedInOrder = inKillOrder(outdated, desired);
        int outdatedSurplus = outdated.size() - outdatedToKeep;
        if (outdatedSurplus > 0) {
            kills.addAll(outdatedInOrder.subList(0, outdatedSurplus));
        }
        int launches = Math.max(0, desired.instances() - current.size());
        return new Plan(Math.min(launches, maxLaunches), cap(kills, maxKills), expunge);
    }

    private static boolean isCurrent(TaskRecord task, Desired desired) {
        return desired.configVersion() == null || !Instant.parse(task.version()).isBefore(desired.configVersion());
    }

    /** Not-yet-running tasks first, then by age in the app's kill order. */
    private static List<TaskRecord> inKillOrder(List<TaskRecord> tasks, Desired desired) {
        Comparator<TaskRecord> byAge = Comparator.comparing(TaskRecord::stagedAt);
        if (desired.killSelection() == Desired.KillOrder.YOUNGEST_FIRST) {
            byAge = byAge.reversed();
        }
        Comparator<TaskRecord> order = Comparator.<TaskRecord, Boolean>comparing(t -> t.state() == TaskState.TASK_RUNNING)
                .thenComparing(byAge)
                .thenComparing(TaskRecord::taskId);
        return tasks.stream().sorted(order).toList();
    }

    private static List<TaskRecord> cap(List<TaskRecord> tasks, int max) {
        return tasks.size() <= max ? tasks : tasks.subList(0, max);
    }
}
