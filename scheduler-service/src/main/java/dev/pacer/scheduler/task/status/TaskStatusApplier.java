package dev.pacer.scheduler.task.status;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.LogContext;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.task.store.TaskStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one agent status update to its task record, idempotently: updates arrive at least once
 * and possibly out of order, so a terminal task never comes back to life, an update older than the
 * record's last one is ignored, and a failure of a task the scheduler asked to kill counts as a kill.
 */
public class TaskStatusApplier {

    private static final Logger log = LoggerFactory.getLogger(TaskStatusApplier.class);

    private final TaskStore tasks;
    private final TaskTransitions transitions;

    public TaskStatusApplier(TaskStore tasks, TaskTransitions transitions) {
        this.tasks = tasks;
        this.transitions = transitions;
    }

    public void apply(TaskStatus status) {
        AppId app;
        try {
            app = TaskId.parse(status.taskId()).appId();
        } catch (InvalidIdException e) {
            log.warn("Ignoring a status update for a malformed task id from agent {}", status.agentId());
            return;
        }
        LogContext.withTask(app, status.taskId(), () -> apply(app, status));
    }

    private void apply(AppId app, TaskStatus status) {
        TaskRecord[] before = new TaskRecord[1];
        Optional<TaskRecord> after = tasks.update(app, status.taskId(), current -> {
            before[0] = current;
            return next(current, status);
        });
        if (after.isEmpty()) {
            transitions.unknownTask(app, status);
        } else if (before[0].state() != after.get().state()) {
            transitions.changed(before[0], after.get());
        }
    }

    /** The pure rule: what a record becomes after a status update. */
    static TaskRecord next(TaskRecord current, TaskStatus status) {
        if (current.state().isTerminal()) {
            return current;
        }
        if (current.statusAt() != null && status.timestamp().isBefore(current.statusAt())) {
            return current;
        }
        if (!current.agentId().equals(status.agentId())) {
            return current;
        }
        TaskState state = status.state();
        if (current.killRequested() && (state == TaskState.TASK_FAILED || state == TaskState.TASK_FINISHED)) {
            state = TaskState.TASK_KILLED;
        }
        if (current.killRequested() && state == TaskState.TASK_RUNNING) {
            state = TaskState.TASK_KILLING;
        }
        return current.withState(state, status.timestamp(), status.message(), status.exitCode());
    }
}
