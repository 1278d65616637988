package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.Desired;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pure heart of reconciliation: desired state + observed task records → the actions of one pass.
 * No I/O; {@link AppPlanner} builds the pass's {@link Plan} around it.
 *
 * <ul>
 *   <li>Terminal records are expunged. An unreachable task counts until {@code inactiveAfter}, is
 *       replaced after that, and is forgotten after {@code expungeAfter}.</li>
 *   <li>Tasks whose kill was requested do not count (their replacement may start). A task still
 *       staging after {@code launchTimeout} is killed and replaced: a launch lost between placing and
 *       starting (an agent that never ran it, a scheduler that died in between) repairs itself.</li>
 *   <li>Missing instances of the current definition are launched, as far as the upgrade strategy
 *       allows: while outdated tasks remain, the total stays within {@code maximumTotal()}.</li>
 *   <li>Outdated tasks are replaced without the healthy ones dropping below {@code minimumHealthy()}:
 *       an outdated task is kept while it is needed to make up that number with the healthy current
 *       ones; the rest go (unhealthy ones first). When the strategy leaves no room at all (keep every
 *       task healthy, start none on top), one outdated task at a time is stopped to make progress once
 *       every current task is healthy, as Marathon does.</li>
 *   <li>Surplus tasks are killed in {@code killSelection} order, tasks not yet running first.</li>
 *   <li>While a deployment is held at a canary, at most that many current tasks run beside all the
 *       outdated ones.</li>
 *   <li>Each pass launches and kills at most the given caps; the rest waits for the next pass.</li>
 * </ul>
 */
final class ReconcileDiff {

    private ReconcileDiff() {
    }

    /** A diff in which every running task counts as healthy (an app without health checks). */
    public static Diff diff(Desired desired, List<TaskRecord> tasks, Instant now, int maxLaunches, int maxKills) {
        Set<String> running = new HashSet<>();
        tasks.stream().filter(t -> t.state() == TaskState.TASK_RUNNING).forEach(t -> running.add(t.taskId()));
        return diff(desired, tasks, running, now, maxLaunches, maxKills);
    }

    /**
     * @param healthy ids of the tasks that are running and pass every health check of their app
     */
    public static Diff diff(Desired desired, List<TaskRecord> tasks, Set<String> healthy, Instant now,
                            int maxLaunches, int maxKills) {
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
            return new Diff(0, cap(counted, maxKills), expunge);
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
        if (desired.canary() >= 0) {
            // held at a canary: every outdated task stays, at most `canary` current ones run beside them
            int launches = Math.max(0, Math.min(desired.canary(), desired.instances()) - current.size());
            return new Diff(Math.min(launches, maxLaunches), cap(kills, maxKills), expunge);
        }
        Predicate<TaskRecord> isHealthy = t -> t.state() == TaskState.TASK_RUNNING && healthy.contains(t.taskId());
        long healthyCurrent = current.stream().filter(isHealthy).count();
        List<TaskRecord> healthyOutdated = inKillOrder(outdated.stream().filter(isHealthy).toList(), desired);
        int keep = (int) Math.max(0, Math.min(healthyOutdated.size(), desired.minimumHealthy() - healthyCurrent));
        List<TaskRecord> outdatedKills = new ArrayList<>(inKillOrder(outdated.stream().filter(isHealthy.negate()).toList(), desired));
        outdatedKills.addAll(healthyOutdated.subList(0, healthyOutdated.size() - keep));
        int remaining = current.size() + outdated.size() - outdatedKills.size();
        int launches = Math.max(0, Math.min(desired.instances() - current.size(), desired.maximumTotal() - remaining));
        if (launches == 0 && outdatedKills.isEmpty() && !outdated.isEmpty() && current.size() < desired.instances()
                && healthyCurrent == current.size()) {
            outdatedKills.add(healthyOutdated.get(0));
            launches = 1;
        }
        kills.addAll(outdatedKills);
        return new Diff(Math.min(launches, maxLaunches), cap(kills, maxKills), expunge);
    }

    private static boolean isCurrent(TaskRecord task, Desired desired) {
        return task.runsConfig(desired.configVersion());
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
