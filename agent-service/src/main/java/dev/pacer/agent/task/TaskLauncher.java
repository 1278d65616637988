package dev.pacer.agent.task;

import java.util.Set;

/**
 * What runs a task once the {@link TaskRuntime} has recorded it: the one seam between the task book, the
 * REST API and the status stream (shared) and the thing that does the work. {@link ProcessTaskLauncher}
 * runs OS processes; {@link SimulatedTaskLauncher} runs nothing (scale benchmarks only). Every transition
 * goes through the {@link TaskBook}, so both are checkpointed and reported alike.
 */
interface TaskLauncher {

    /** Starts a task that was just recorded and reported {@code TASK_STAGING}; ends it {@code TASK_FAILED} if it cannot start. */
    void start(ManagedTask task);

    /** Stops a started task that was just marked and reported {@code TASK_KILLING}. */
    void kill(ManagedTask task);

    /**
     * Takes over a task that a checkpoint names as not ended, after the agent's (re)start.
     *
     * @return whether the task still runs
     */
    boolean recover(ManagedTask task);

    /** Called once every checkpoint was recovered, with the ids of the tasks that have not ended. */
    default void recovered(Set<String> liveTaskIds) {
    }

    /** The last {@code tail} lines of the task's {@code stdout} or {@code stderr}: its sandbox file by default. */
    default String logs(ManagedTask task, String stream, int tail) {
        return task.sandbox().log(stream).map(file -> LogTail.lastLines(file, tail)).orElse("");
    }
}
