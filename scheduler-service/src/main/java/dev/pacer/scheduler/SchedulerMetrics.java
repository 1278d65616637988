package dev.pacer.scheduler;

import dev.pacer.contract.task.TaskState;
import java.time.Duration;

/** The activity operators alert on: task state changes and the cost of reconciliation. */
public interface SchedulerMetrics {

    /** A task reached {@code state} (launched tasks are counted as they become staging in the launcher). */
    void taskState(TaskState state);

    void taskLaunched();

    /** A task became RUNNING {@code took} after it was staged (placed and handed to its agent). */
    void taskStarted(Duration took);

    /**
     * A task of a deployment became RUNNING {@code took} after the API accepted the change it runs (its
     * app version's timestamp): Marathon's "POST to RUNNING".
     */
    void launchLatency(Duration took);

    void reconcilePass(Duration took);

    /** This instance re-created the status stream's consumer group, which Redis had lost (came back empty, was flushed). */
    void statusGroupRecreated();
}
