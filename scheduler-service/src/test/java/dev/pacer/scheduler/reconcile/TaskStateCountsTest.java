package dev.pacer.scheduler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaskStateCountsTest {

    private static final AppId WEB = AppId.parse("/web");
    private static final AppId API = AppId.parse("/api");

    private final Set<AppId> owned = new HashSet<>(Set.of(WEB, API));
    private final AtomicLong nanos = new AtomicLong();
    private final TaskStateCounts counts = new TaskStateCounts(owned::contains, nanos::get, Duration.ofSeconds(1));

    @Test
    void eachPass_replacesItsAppsCounts_andTheTotalsAddUpOverApps() {
        counts.observed(WEB, List.of(task(WEB, TaskState.TASK_RUNNING), task(WEB, TaskState.TASK_STAGING)));
        counts.observed(API, List.of(task(API, TaskState.TASK_RUNNING)));
        assertThat(counts.count(TaskState.TASK_RUNNING)).isEqualTo(2);
        assertThat(counts.count(TaskState.TASK_STAGING)).isEqualTo(1);

        counts.observed(WEB, List.of(task(WEB, TaskState.TASK_RUNNING), task(WEB, TaskState.TASK_RUNNING)));
        assertThat(counts.count(TaskState.TASK_RUNNING)).isEqualTo(3);
        assertThat(counts.count(TaskState.TASK_STAGING)).isZero();
    }

    @Test
    void aForgottenApp_andAnAppWhoseShardMoved_dropOut() {
        counts.observed(WEB, List.of(task(WEB, TaskState.TASK_RUNNING)));
        counts.observed(API, List.of(task(API, TaskState.TASK_FAILED)));
        counts.forget(WEB);
        assertThat(counts.count(TaskState.TASK_RUNNING)).isZero();

        owned.remove(API);
        assertThat(counts.count(TaskState.TASK_FAILED)).as("not swept before a second passed").isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(counts.count(TaskState.TASK_FAILED)).isZero();
    }

    private static TaskRecord task(AppId app, TaskState state) {
        Instant now = Instant.parse("2026-12-02T15:16:25.476Z");
        return TaskRecord.staged(TaskId.newTask(app), "a1", "h", "v", List.of(), now).withState(state, now, "", null);
    }
}
