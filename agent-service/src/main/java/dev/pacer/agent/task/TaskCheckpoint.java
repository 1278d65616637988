package dev.pacer.agent.task;

import dev.pacer.agent.isolation.TaskIsolation;
import dev.pacer.agent.secrets.Grants;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.time.Instant;
import java.util.Objects;

/**
 * What the agent writes to {@code <work-dir>/tasks/<taskId>.json} at every transition of a task, so that
 * after its own restart it finds the task again.
 *
 * @param pid          process id of the task's group leader (the wrapper), null until started
 * @param processStart start instant of that process as the OS reports it, to tell it from a later
 *                     process that reused the pid
 * @param isolation    the task's user and cgroups, null when the task is not isolated
 */
public record TaskCheckpoint(LaunchRequest request, TaskState state, Long pid, Instant processStart,
                             Instant stagedAt, Instant startedAt, Instant finishedAt, Integer exitCode,
                             String message, TaskIsolation isolation) {

    public TaskCheckpoint(LaunchRequest request, TaskState state, Long pid, Instant processStart, Instant stagedAt,
                          Instant startedAt, Instant finishedAt, Integer exitCode, String message) {
        this(request, state, pid, processStart, stagedAt, startedAt, finishedAt, exitCode, message, null);
    }

    public TaskCheckpoint {
        Objects.requireNonNull(request, "request");
        request = Grants.withoutGrant(request); // a grant is a credential: never on disk
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stagedAt, "stagedAt");
    }
}
