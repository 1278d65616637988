package dev.pacer.scheduler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.definition.spec.Desired;
import dev.pacer.scheduler.definition.spec.Desired.KillOrder;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileDiffTest {

    private static final AppId APP = AppId.parse("/demo/web");
    private static final Instant V1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2026-01-02T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-03T00:00:00Z");

    @Test
    void missingInstances_areLaunched() {
        Diff plan = ReconcileDiff.diff(desired(3), List.of(running(V1, 1)), NOW, 100, 100);
        assertThat(plan.launches()).isEqualTo(2);
        assertThat(plan.kills()).isEmpty();
    }

    @Test
    void scaleDown_killsYoungestFirst_byDefault_andOldestFirstWhenAsked() {
        TaskRecord old = running(V1, 1);
        TaskRecord mid = running(V1, 2);
        TaskRecord young = running(V1, 3);
        List<TaskRecord> tasks = List.of(mid, young, old);

        assertThat(ReconcileDiff.diff(desired(1), tasks, NOW, 100, 100).kills()).containsExactly(young, mid);
        assertThat(ReconcileDiff.diff(desired(1, KillOrder.OLDEST_FIRST), tasks, NOW, 100, 100).kills())
                .containsExactly(old, mid);
    }

    @Test
    void scaleDown_killsTasksNotYetRunningFirst() {
        TaskRecord runningYoung = running(V1, 3);
        TaskRecord stagingOld = task(V1, 1, TaskState.TASK_STAGING);
        assertThat(ReconcileDiff.diff(desired(1), List.of(runningYoung, stagingOld), NOW, 100, 100).kills())
                .containsExactly(stagingOld);
    }

    @Test
    void terminalRecords_areExpunged_andReplaced() {
        TaskRecord failed = task(V1, 1, TaskState.TASK_FAILED);
        Diff plan = ReconcileDiff.diff(desired(1), List.of(failed), NOW, 100, 100);
        assertThat(plan.expunge()).containsExactly(failed);
        assertThat(plan.launches()).isEqualTo(1);
    }

    @Test
    void anUnreachableTask_countsUntilInactive_thenIsReplaced_thenExpunged() {
        Desired desired = new Desired(1, V1, KillOrder.YOUNGEST_FIRST, Duration.ofMinutes(5), Duration.ofMinutes(10), false);
        TaskRecord lost = running(V1, 1).withState(TaskState.TASK_UNREACHABLE, NOW, "agent lost", null);

        assertThat(ReconcileDiff.diff(desired, List.of(lost), NOW.plusSeconds(60), 100, 100).launches()).isZero();
        Diff inactive = ReconcileDiff.diff(desired, List.of(lost), NOW.plusSeconds(301), 100, 100);
        assertThat(inactive.launches()).isEqualTo(1);
        assertThat(inactive.expunge()).isEmpty();
        assertThat(ReconcileDiff.diff(desired, List.of(lost), NOW.plusSeconds(601), 100, 100).expunge()).containsExactly(lost);
    }

    @Test
    void marathonsDefaultUnreachableStrategy_replacesAtOnce() {
        TaskRecord lost = running(V1, 1).withState(TaskState.TASK_UNREACHABLE, NOW, "agent lost", null);
        Diff plan = ReconcileDiff.diff(desired(1), List.of(lost), NOW, 100, 100);
        assertThat(plan.launches()).isEqualTo(1);
        assertThat(plan.expunge()).containsExactly(lost);
    }

    @Test
    void aTaskBeingKilled_doesNotCount() {
        Diff plan = ReconcileDiff.diff(desired(1), List.of(running(V1, 1).withKillRequested()), NOW, 100, 100);
        assertThat(plan.launches()).isEqualTo(1);
        assertThat(plan.kills()).isEmpty();
    }

    @Test
    void aConfigChange_keepsOldTasksUntilNewOnesRun() {
        Desired v2 = new Desired(2, V2, KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, false);
        List<TaskRecord> old = List.of(running(V1, 1), running(V1, 2));

        Diff start = ReconcileDiff.diff(v2, old, NOW, 100, 100);
        assertThat(start.launches()).isEqualTo(2);
        assertThat(start.kills()).isEmpty();

        List<TaskRecord> halfway = new ArrayList<>(old);
        halfway.add(running(V2, 3));
        halfway.add(TaskRecord.staged(TaskId.newTask(APP), "agent-b", "h", V2.toString(), List.of(), NOW.minusSeconds(5)));
        assertThat(ReconcileDiff.diff(v2, halfway, NOW, 100, 100).kills()).hasSize(1);

        List<TaskRecord> done = new ArrayList<>(old);
        done.add(running(V2, 3));
        done.add(running(V2, 4));
        assertThat(ReconcileDiff.diff(v2, done, NOW, 100, 100).kills()).containsExactlyInAnyOrderElementsOf(old);
    }

    @Test
    void aTaskStillStagingAfterTheLaunchTimeout_isKilledAndReplaced() {
        TaskRecord lost = TaskRecord.staged(TaskId.newTask(APP), "agent-a", "h", V1.toString(), List.of(), NOW.minusSeconds(301));
        TaskRecord fresh = TaskRecord.staged(TaskId.newTask(APP), "agent-a", "h", V1.toString(), List.of(), NOW.minusSeconds(10));

        Diff plan = ReconcileDiff.diff(desired(2), List.of(lost, fresh), NOW, 100, 100);

        assertThat(plan.kills()).containsExactly(lost);
        assertThat(plan.launches()).isEqualTo(1);
    }

    @Test
    void deleting_killsEveryTask() {
        Desired deleting = new Desired(3, V1, KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, true);
        List<TaskRecord> tasks = List.of(running(V1, 1), running(V1, 2));
        Diff plan = ReconcileDiff.diff(deleting, tasks, NOW, 100, 100);
        assertThat(plan.launches()).isZero();
        assertThat(plan.kills()).containsExactlyInAnyOrderElementsOf(tasks);
    }

    @Test
    void eachPass_isCapped() {
        Diff plan = ReconcileDiff.diff(desired(500), List.of(), NOW, 50, 10);
        assertThat(plan.launches()).isEqualTo(50);
    }

    @Test
    void afterApplyingAPlan_theNextPlanIsEmpty_forRandomStates() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int instances = random.nextInt(6);
            List<TaskRecord> tasks = new ArrayList<>();
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                TaskState state = List.of(TaskState.TASK_RUNNING, TaskState.TASK_STAGING, TaskState.TASK_FAILED)
                        .get(random.nextInt(3));
                tasks.add(task(V1, i, state));
            }
            Desired desired = desired(instances);
            Diff plan = ReconcileDiff.diff(desired, tasks, NOW, 100, 100);

            List<TaskRecord> after = new ArrayList<>(tasks);
            after.removeAll(plan.expunge());
            after.removeAll(plan.kills());
            for (int i = 0; i < plan.launches(); i++) {
                after.add(running(V1, 100 + i));
            }
            assertThat(after).hasSize(instances);
            assertThat(ReconcileDiff.diff(desired, after, NOW, 100, 100).isEmpty()).isTrue();
        }
    }

    @Test
    void aRollingReplacement_keepsMinimumHealthy_staysWithinMaximumTotal_andFinishes_forEveryStrategy() {
        for (double minimumHealth : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            for (double overCapacity : new double[] {0, 0.5, 1}) {
                for (int instances = 1; instances <= 6; instances++) {
                    Desired desired = new Desired(instances, V2, KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, false)
                            .withUpgradeStrategy(minimumHealth, overCapacity).withLaunchTimeout(Duration.ofDays(1));
                    String strategy = "min " + minimumHealth + " over " + overCapacity + " n " + instances;
                    // no room at all (keep every task, start none on top): one at a time may dip, as in Marathon
                    int floor = desired.minimumHealthy() - (desired.maximumTotal() == instances && desired.minimumHealthy() == instances ? 1 : 0);
                    List<TaskRecord> tasks = new ArrayList<>();
                    for (int i = 0; i < instances; i++) {
                        tasks.add(running(V1, i));
                    }
                    int passes = 0;
                    while (!(tasks.size() == instances && tasks.stream().allMatch(t -> t.version().equals(V2.toString())
                            && t.state() == TaskState.TASK_RUNNING))) {
                        assertThat(++passes).as(strategy + ": finishes").isLessThan(50);
                        Set<String> healthy = new HashSet<>();
                        tasks.stream().filter(t -> t.state() == TaskState.TASK_RUNNING).forEach(t -> healthy.add(t.taskId()));
                        Diff plan = ReconcileDiff.diff(desired, tasks, healthy, NOW, 100, 100);
                        tasks.removeAll(plan.kills());
                        assertThat(tasks.stream().filter(t -> healthy.contains(t.taskId())).count())
                                .as(strategy + ": healthy after the kills of pass " + passes).isGreaterThanOrEqualTo(floor);
                        // tasks started in the previous pass are running and healthy now
                        tasks.replaceAll(t -> t.state() == TaskState.TASK_STAGING ? t.withState(TaskState.TASK_RUNNING, NOW, "", null) : t);
                        for (int i = 0; i < plan.launches(); i++) {
                            tasks.add(task(V2, 200 + passes * 10 + i, TaskState.TASK_STAGING));
                        }
                        assertThat(tasks.size()).as(strategy + ": total in pass " + passes).isLessThanOrEqualTo(desired.maximumTotal());
                    }
                }
            }
        }
    }

    @Test
    void withHalfHealthAndNoOverCapacity_fourTasks_goTwoAtATime() {
        Desired desired = new Desired(4, V2, KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, false).withUpgradeStrategy(0.5, 0);
        List<TaskRecord> old = List.of(running(V1, 1), running(V1, 2), running(V1, 3), running(V1, 4));
        Set<String> healthy = new HashSet<>(old.stream().map(TaskRecord::taskId).toList());

        Diff plan = ReconcileDiff.diff(desired, old, healthy, NOW, 100, 100);

        assertThat(plan.kills()).hasSize(2);
        assertThat(plan.launches()).isEqualTo(2);
    }

    @Test
    void newTasksThatAreRunningButNotHealthy_doNotReleaseOldOnes() {
        Desired desired = new Desired(2, V2, KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, false);
        TaskRecord old1 = running(V1, 1);
        TaskRecord old2 = running(V1, 2);
        TaskRecord new1 = running(V2, 3);
        TaskRecord new2 = running(V2, 4);

        Diff plan = ReconcileDiff.diff(desired, List.of(old1, old2, new1, new2), Set.of(old1.taskId(), old2.taskId()), NOW, 100, 100);

        assertThat(plan.kills()).isEmpty();
        assertThat(plan.launches()).isZero();
    }

    @Test
    void aCancelledCanary_inTheInstantItsRollbackIsNotStoredYet_isHeldAtZero_soNoTaskOfTheRestoredConfigGoes() {
        // 3 tasks of V2 (the config a cancel restores) and the healthy canary of V3 (the config it takes back)
        Instant v3 = V2.plusSeconds(60);
        List<TaskRecord> v2Tasks = List.of(launched(V2, 1), launched(V2, 2), launched(V2, 3));
        TaskRecord canary = launched(v3, 4);
        List<TaskRecord> tasks = new ArrayList<>(v2Tasks);
        tasks.add(canary);
        Set<String> healthy = new HashSet<>(tasks.stream().map(TaskRecord::taskId).toList());
        Desired canaryConfig = new Desired(3, v3, KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, false);

        assertThat(ReconcileDiff.diff(canaryConfig, tasks, healthy, NOW, 100, 100).kills())
                .as("unbounded, the V3 config rolls out over the V2 tasks").hasSize(1).allMatch(v2Tasks::contains);
        Diff held = ReconcileDiff.diff(canaryConfig.withCanary(0), tasks, healthy, NOW, 100, 100);
        assertThat(held.kills()).isEmpty();
        assertThat(held.launches()).isZero();

        Desired restored = new Desired(3, V2, KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, false);
        TaskRecord stagingCanary = TaskRecord.staged(TaskId.newTask(APP), "agent-a", "localhost", null, null, v3.toString(),
                List.of(), NOW.minusSeconds(1), v3);
        for (TaskRecord v3Task : List.of(canary, stagingCanary)) {
            List<TaskRecord> observed = new ArrayList<>(v2Tasks);
            observed.add(v3Task);
            Diff rollback = ReconcileDiff.diff(restored, observed, healthy, NOW, 100, 100);
            assertThat(rollback.kills()).as("once stored, only the " + v3Task.state() + " canary goes").containsExactly(v3Task);
            assertThat(rollback.launches()).isZero();
        }
    }

    /** A task launched with the config {@code version} (its {@code lastConfigChangeAt}). */
    private static TaskRecord launched(Instant version, int ageRank) {
        return TaskRecord.staged(TaskId.newTask(APP), "agent-a", "localhost", null, null, version.toString(), List.of(),
                NOW.minusSeconds(1000 - ageRank), version).withState(TaskState.TASK_RUNNING, NOW.minusSeconds(500), "", null);
    }

    private static Desired desired(int instances) {
        return desired(instances, KillOrder.YOUNGEST_FIRST);
    }

    private static Desired desired(int instances, KillOrder order) {
        return new Desired(instances, V1, order, Duration.ZERO, Duration.ZERO, false);
    }

    private static TaskRecord running(Instant version, int ageRank) {
        return task(version, ageRank, TaskState.TASK_RUNNING);
    }

    private static TaskRecord task(Instant version, int ageRank, TaskState state) {
        TaskRecord staged = TaskRecord.staged(TaskId.newTask(APP), "agent-a", "localhost", version.toString(), List.of(),
                NOW.minusSeconds(1000 - ageRank));
        return state == TaskState.TASK_STAGING ? staged : staged.withState(state, NOW.minusSeconds(500), "", null);
    }
}
