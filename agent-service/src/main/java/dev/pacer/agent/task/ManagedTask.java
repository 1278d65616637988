package dev.pacer.agent.task;

import dev.pacer.agent.isolation.TaskIsolation;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import java.time.Instant;
import java.util.concurrent.Future;

/**
 * One task on this agent and everything the agent knows about it. Every change goes through the
 * synchronized transition methods, each of which refuses what the current state does not allow.
 */
final class ManagedTask {

    private final LaunchRequest request;
    private final Sandbox sandbox;
    private final Instant stagedAt;
    private TaskState state;
    private Long pid;
    private Instant processStart;
    private Instant startedAt;
    private Instant finishedAt;
    private Integer exitCode;
    private String message;
    private Future<?> hardKill;
    private TaskIsolation isolation;
    private String limitExceeded;

    ManagedTask(LaunchRequest request, Sandbox sandbox, Instant stagedAt) {
        this(request, sandbox, new TaskCheckpoint(request, TaskState.TASK_STAGING, null, null, stagedAt,
                null, null, null, "accepted"));
    }

    ManagedTask(LaunchRequest request, Sandbox sandbox, TaskCheckpoint checkpoint) {
        this.request = request;
        this.sandbox = sandbox;
        this.stagedAt = checkpoint.stagedAt();
        this.state = checkpoint.state();
        this.pid = checkpoint.pid();
        this.processStart = checkpoint.processStart();
        this.startedAt = checkpoint.startedAt();
        this.finishedAt = checkpoint.finishedAt();
        this.exitCode = checkpoint.exitCode();
        this.message = checkpoint.message();
        this.isolation = checkpoint.isolation();
    }

    String id() {
        return request.taskId();
    }

    LaunchRequest request() {
        return request;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    synchronized TaskIsolation isolation() {
        return isolation;
    }

    /** The task's user and cgroups, chosen before its process starts. */
    synchronized void isolated(TaskIsolation isolation) {
        this.isolation = isolation;
    }

    /** Why the task must fail whatever its exit code (a resource limit it exceeded), or null. */
    synchronized String limitExceeded() {
        return limitExceeded;
    }

    synchronized void limitExceeded(String reason) {
        this.limitExceeded = reason;
    }

    synchronized TaskState state() {
        return state;
    }

    synchronized Long pid() {
        return pid;
    }

    synchronized Instant processStart() {
        return processStart;
    }

    synchronized Instant finishedAt() {
        return finishedAt;
    }

    /** The process started; a kill asked for while staging stays in force (the state stays {@code TASK_KILLING}). */
    synchronized void started(long pid, Instant processStart, Instant now) {
        started((Long) pid, processStart, now);
    }

    /** The simulated runtime "started" the task: no process, no pid. */
    synchronized void startedWithoutProcess(Instant now) {
        started(null, null, now);
    }

    private void started(Long pid, Instant processStart, Instant now) {
        this.pid = pid;
        this.processStart = processStart;
        this.startedAt = now;
        if (state == TaskState.TASK_STAGING) {
            state = TaskState.TASK_RUNNING;
            message = "started";
        }
    }

    /** Whether the task started and has not ended. */
    synchronized boolean running() {
        return startedAt != null && !state.isTerminal();
    }

    /** The agent restarted and found the task's process still running. */
    synchronized void reattached() {
        if (state == TaskState.TASK_RUNNING) {
            message = "re-attached after the agent restarted";
        }
    }

    /** Marks the task as being killed; false when it is already being killed or has ended. */
    synchronized boolean killing() {
        if (state.isTerminal() || state == TaskState.TASK_KILLING) {
            return false;
        }
        state = TaskState.TASK_KILLING;
        message = "killing on request";
        return true;
    }

    /** Ends the task; false (and nothing changes) when it had already ended. */
    synchronized boolean finish(TaskState terminal, Integer exitCode, String message, Instant now) {
        if (state.isTerminal()) {
            return false;
        }
        this.state = terminal;
        this.exitCode = exitCode;
        this.message = message;
        this.finishedAt = now;
        if (hardKill != null) {
            hardKill.cancel(false);
        }
        return true;
    }

    synchronized void hardKill(Future<?> scheduled) {
        this.hardKill = scheduled;
    }

    synchronized AgentTask snapshot() {
        return new AgentTask(request.taskId(), request.appId(), request.version(), state, state.isTerminal() ? null : pid,
                stagedAt, startedAt, request.ports(), sandbox.dir().toString(), exitCode);
    }

    synchronized TaskCheckpoint checkpoint() {
        return new TaskCheckpoint(request, state, pid, processStart, stagedAt, startedAt, finishedAt, exitCode, message,
                isolation);
    }

    synchronized TaskStatus status(String agentId, String host, Instant now) {
        return new TaskStatus(request.taskId(), request.appId(), agentId, state, message, now, host, request.ports(), exitCode);
    }
}
