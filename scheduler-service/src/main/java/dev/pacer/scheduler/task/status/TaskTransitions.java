package dev.pacer.scheduler.task.status;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.task.store.TaskRecord;

/** What must follow a task's change of state (wake the app's reconciler, free resources, count). */
public interface TaskTransitions {

    void changed(TaskRecord before, TaskRecord after);

    /** An agent reported a task the scheduler has no record of (e.g. of a deleted app). */
    void unknownTask(AppId app, TaskStatus status);

    /** Both, in order. */
    static TaskTransitions both(TaskTransitions first, TaskTransitions second) {
        return new TaskTransitions() {
            @Override
            public void changed(TaskRecord before, TaskRecord after) {
                first.changed(before, after);
                second.changed(before, after);
            }

            @Override
            public void unknownTask(AppId app, TaskStatus status) {
                first.unknownTask(app, status);
                second.unknownTask(app, status);
            }
        };
    }
}
