package dev.pacer.scheduler.task.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskStatusApplierTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final TaskRecord staged = TaskRecord.staged(TaskId.newTask(AppId.parse("/web")), "agent-a", "h", T0.toString(), List.of(31000), T0);

    @Test
    void running_setsStartedAt() {
        TaskRecord next = TaskStatusApplier.next(staged, status(TaskState.TASK_RUNNING, 1));
        assertThat(next.state()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(next.startedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aTerminalTask_neverComesBack() {
        TaskRecord failed = TaskStatusApplier.next(staged, status(TaskState.TASK_FAILED, 2));
        assertThat(TaskStatusApplier.next(failed, status(TaskState.TASK_RUNNING, 3))).isEqualTo(failed);
    }

    @Test
    void anOlderUpdate_isIgnored() {
        TaskRecord running = TaskStatusApplier.next(staged, status(TaskState.TASK_RUNNING, 5));
        assertThat(TaskStatusApplier.next(running, status(TaskState.TASK_STAGING, 4))).isEqualTo(running);
    }

    @Test
    void theSameUpdateTwice_changesNothingTheSecondTime() {
        TaskStatus update = status(TaskState.TASK_RUNNING, 1);
        TaskRecord once = TaskStatusApplier.next(staged, update);
        assertThat(TaskStatusApplier.next(once, update)).isEqualTo(once);
    }

    @Test
    void aRequestedKill_endsAsKilled_evenWhenTheProcessExitsWithAFailure() {
        TaskRecord killing = TaskStatusApplier.next(staged, status(TaskState.TASK_RUNNING, 1)).withKillRequested();
        assertThat(killing.state()).isEqualTo(TaskState.TASK_KILLING);
        assertThat(TaskStatusApplier.next(killing, status(TaskState.TASK_FAILED, 2)).state()).isEqualTo(TaskState.TASK_KILLED);
    }

    @Test
    void anUpdateFromAnotherAgent_isIgnored() {
        TaskStatus foreign = new TaskStatus(staged.taskId(), staged.appId(), "agent-b", TaskState.TASK_RUNNING, "",
                T0.plusSeconds(1), "h", List.of(), null);
        assertThat(TaskStatusApplier.next(staged, foreign)).isEqualTo(staged);
    }

    private TaskStatus status(TaskState state, int second) {
        return new TaskStatus(staged.taskId(), staged.appId(), "agent-a", state, "", T0.plusSeconds(second), "h", List.of(31000), null);
    }
}
