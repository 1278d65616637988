package dev.pacer.scheduler.task.store;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The scheduler's record of one task: where it was placed and what its agent last reported. One
 * Redis key per task ({@link dev.pacer.contract.RedisKeys#task}); the app's set of task ids indexes them.
 *
 * @param zone              the agent's {@code @zone} (copied at placement, for task JSON and spreading)
 * @param version           the app version the task was launched with
 * @param stagedAt          when the scheduler placed it
 * @param startedAt         when its agent first reported it running (null until then)
 * @param statusAt          timestamp of the last status applied; older updates are ignored
 * @param unreachableSince  when its agent was found lost (null while reachable)
 * @param killRequested     the scheduler asked for the kill (a kill is not a failure)
 * @param configVersion     the app's {@code lastConfigChangeAt} the task was launched with: it runs the
 *                          current config exactly when this equals the app's (null in records from
 *                          before it was kept: then the task's version is compared instead)
 */
public record TaskRecord(String taskId, String appId, String agentId, String host, String zone, String region,
                         TaskState state,
                         String version, List<Integer> ports, Instant stagedAt, Instant startedAt,
                         Instant statusAt, String message, Integer exitCode, Instant unreachableSince,
                         boolean killRequested, Instant configVersion) {

    public TaskRecord {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        ports = ports == null ? List.of() : List.copyOf(ports);
        message = message == null ? "" : message;
    }

    /** A task just placed on an agent, before the agent has said anything. */
    public static TaskRecord staged(TaskId id, String agentId, String host, String version, List<Integer> ports, Instant now) {
        return staged(id, agentId, host, null, null, version, ports, now, null);
    }

    public static TaskRecord staged(TaskId id, String agentId, String host, String zone, String region, String version,
                                    List<Integer> ports, Instant now, Instant configVersion) {
        return new TaskRecord(id.toString(), id.appId().toString(), agentId, host, zone, region, TaskState.TASK_STAGING, version,
                ports, now, null, now, "", null, null, false, configVersion);
    }

    public AppId app() {
        return AppId.parse(appId);
    }

    /**
     * The task runs the app's config of {@code configVersion} (its {@code lastConfigChangeAt}; null: any): it was
     * launched with it, so a rollback that restores an older config makes the tasks of that config current again.
     */
    public boolean runsConfig(Instant configVersion) {
        if (configVersion == null) {
            return true;
        }
        return this.configVersion != null ? this.configVersion.equals(configVersion)
                : !Instant.parse(version).isBefore(configVersion);
    }

    /** Counts towards the app's instances: not terminal. */
    public boolean isActive() {
        return !state.isTerminal();
    }

    public TaskRecord withState(TaskState newState, Instant at, String newMessage, Integer newExitCode) {
        Instant started = startedAt == null && newState == TaskState.TASK_RUNNING ? at : startedAt;
        Instant unreachable = newState == TaskState.TASK_UNREACHABLE ? (unreachableSince != null ? unreachableSince : at) : null;
        return new TaskRecord(taskId, appId, agentId, host, zone, region, newState, version, ports, stagedAt, started, at,
                newMessage, newExitCode, unreachable, killRequested, configVersion);
    }

    public TaskRecord withKillRequested() {
        return new TaskRecord(taskId, appId, agentId, host, zone, region, state == TaskState.TASK_RUNNING || state == TaskState.TASK_STAGING
                ? TaskState.TASK_KILLING : state, version, ports, stagedAt, startedAt, statusAt, message, exitCode,
                unreachableSince, true, configVersion);
    }
}
