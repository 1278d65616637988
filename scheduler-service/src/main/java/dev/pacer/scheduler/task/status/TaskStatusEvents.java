package dev.pacer.scheduler.task.status;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.events.InstanceIds;
import dev.pacer.scheduler.events.IpAddresses;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's change of state on the event log, as Marathon announces it: {@code status_update_event}
 * (the Mesos-style {@code TASK_*} state) and {@code instance_changed_event} (the instance's condition).
 * The instance id is the task id without its incarnation ({@code ._app.<n>}), as in Marathon;
 * {@code ipAddresses} holds the host when it is an IP literal (else {@code []}, see {@link IpAddresses}).
 * An update that changes only the message is not an event.
 */
public class TaskStatusEvents implements TaskTransitions {

    private final EventLog log;

    public TaskStatusEvents(EventLog log) {
        this.log = log;
    }

    @Override
    public void changed(TaskRecord before, TaskRecord after) {
        if (before != null && before.state() == after.state()) {
            return;
        }
        List<String> apps = List.of(after.appId());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("slaveId", after.agentId());
        status.put("taskId", after.taskId());
        status.put("taskStatus", after.state().name());
        status.put("message", after.message());
        status.put("appId", after.appId());
        status.put("host", after.host());
        status.put("ipAddresses", IpAddresses.of(after.host()));
        status.put("ports", after.ports());
        status.put("version", after.version());
        log.append("status_update_event", status, apps);
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("instanceId", InstanceIds.of(after.taskId()));
        instance.put("condition", condition(after.state()));
        instance.put("runSpecId", after.appId());
        instance.put("agentId", after.agentId());
        instance.put("host", after.host());
        instance.put("runSpecVersion", after.version());
        log.append("instance_changed_event", instance, apps);
    }

    @Override
    public void unknownTask(AppId app, TaskStatus status) {
        // Marathon's unknown_instance_terminated_event needs a condition of an instance it never knew: not sent
    }

    /** Marathon's instance condition for a task state ({@code core/condition/Condition.scala}). */
    static String condition(TaskState state) {
        return switch (state) {
            case TASK_STAGING -> "Staging";
            case TASK_STARTING -> "Starting";
            case TASK_RUNNING -> "Running";
            case TASK_KILLING -> "Killing";
            case TASK_FINISHED -> "Finished";
            case TASK_FAILED -> "Failed";
            case TASK_KILLED -> "Killed";
            case TASK_ERROR -> "Error";
            case TASK_UNREACHABLE -> "Unreachable";
            case TASK_GONE -> "Gone";
            case TASK_DROPPED -> "Dropped";
            case TASK_UNKNOWN -> "Unknown";
        };
    }
}
