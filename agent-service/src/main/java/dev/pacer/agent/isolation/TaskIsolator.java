package dev.pacer.agent.isolation;

import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Isolates process tasks: the seam between the task runtime and the machine's cgroups and users.
 * {@link #NONE} isolates nothing (an agent that is not root); {@link CgroupIsolator} gives each task its
 * cgroups and an unprivileged user of its app.
 */
public interface TaskIsolator {

    IsolationLevel level();

    /** Creates the task's cgroups and picks its user; null when tasks are not isolated. */
    TaskIsolation prepare(LaunchRequest request) throws IOException;

    /** Gives the sandbox (secret files written, process not started) to the task's user, mode 0700. */
    void handOver(TaskIsolation isolation, Path sandbox) throws IOException;

    /** The {@code cgroup.procs} files the task's wrapper writes its pid to before it runs anything. */
    List<String> enterFiles(TaskIsolation isolation);

    /** The command that drops to the task's user and then execs the task ({@code setpriv ... --}). */
    List<String> dropPrivileges(TaskIsolation isolation);

    /**
     * What a command run beside the task (a {@code COMMAND} health check) is prefixed with: it enters the task's
     * cgroups and drops to the task's user, as the task did. Empty when tasks are not isolated.
     */
    default List<String> besideTask(TaskIsolation isolation) {
        return List.of();
    }

    /** SIGTERM to every process of the task, wherever it went (its own session, a double fork). */
    void terminate(TaskIsolation isolation);

    /** SIGKILL to every process of the task (frozen first, so that none forks away); true once none is left. */
    boolean killAll(TaskIsolation isolation);

    /** Whether the kernel killed a process of the task for exceeding its memory. */
    boolean memoryExceeded(TaskIsolation isolation);

    /** Kills whatever is left of an ended task and removes its cgroups. */
    void release(TaskIsolation isolation);

    /** A task that still runs after the agent's restart keeps its user. */
    void recovered(String appId, TaskIsolation isolation);

    /**
     * Removes the cgroups of this agent that belong to no task in {@code live} — killing what still runs in them (an
     * orphan: a task started but never checkpointed before the agent died); answers how many.
     */
    int reap(Set<String> live);

    /** The agent stops: its own cgroup directories go if no task's cgroup is left in them (tasks run on). */
    default void close() {
    }

    TaskIsolator NONE = new TaskIsolator() {
        @Override
        public IsolationLevel level() {
            return IsolationLevel.NONE;
        }

        @Override
        public TaskIsolation prepare(LaunchRequest request) {
            return null;
        }

        @Override
        public void handOver(TaskIsolation isolation, Path sandbox) {
        }

        @Override
        public List<String> enterFiles(TaskIsolation isolation) {
            return List.of();
        }

        @Override
        public List<String> dropPrivileges(TaskIsolation isolation) {
            return List.of();
        }

        @Override
        public void terminate(TaskIsolation isolation) {
        }

        @Override
        public boolean killAll(TaskIsolation isolation) {
            return true;
        }

        @Override
        public boolean memoryExceeded(TaskIsolation isolation) {
            return false;
        }

        @Override
        public void release(TaskIsolation isolation) {
        }

        @Override
        public void recovered(String appId, TaskIsolation isolation) {
        }

        @Override
        public int reap(Set<String> live) {
            return 0;
        }
    };
}
