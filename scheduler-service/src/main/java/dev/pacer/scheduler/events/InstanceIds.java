package dev.pacer.scheduler.events;

import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.TaskId;

/**
 * Marathon's instance id of a task for events: the task id without its {@code ._app.<n>} incarnation,
 * the same id a task's {@code healthCheckResults[].instanceId} carries. A task id of another form (an
 * old record) is its own instance id.
 */
public final class InstanceIds {

    private InstanceIds() {
    }

    public static String of(String taskId) {
        try {
            return TaskId.parse(taskId).instanceId();
        } catch (InvalidIdException e) {
            return taskId;
        }
    }
}
