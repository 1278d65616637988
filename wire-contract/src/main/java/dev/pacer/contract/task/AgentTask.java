package dev.pacer.contract.task;

import java.time.Instant;
import java.util.List;

/**
 * A task as its agent knows it ({@code GET /api/agent/tasks}, and the answer to a launch).
 *
 * @param pid       OS process id of the task's process group leader, null once it ended
 * @param startedAt when the process started, null while staging
 * @param sandbox   the task's working directory on the agent's disk
 */
public record AgentTask(String taskId, String appId, String version, TaskState state, Long pid,
                        Instant stagedAt, Instant startedAt, List<Integer> ports, String sandbox, Integer exitCode) {
}
