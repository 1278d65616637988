package dev.pacer.contract.task;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One status update of a task, as an agent appends it to the stream
 * {@link dev.pacer.contract.RedisKeys#TASK_STATUS_STREAM} (one JSON entry field {@code status}).
 * Updates are at-least-once: the scheduler applies them idempotently.
 *
 * @param exitCode the process's exit code for terminal states it observed, else null
 * @param message  human-readable cause ("exited with code 1", "killed by SIGKILL"); never contains
 *                 environment values
 */
public record TaskStatus(String taskId, String appId, String agentId, TaskState state, String message,
                         Instant timestamp, String host, List<Integer> ports, Integer exitCode) {

    public TaskStatus {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timestamp, "timestamp");
        ports = ports == null ? List.of() : List.copyOf(ports);
        message = message == null ? "" : message;
    }
}
