package dev.pacer.scheduler.task.status;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.SchedulerMetrics;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each task's change of state, how long it took from staging to RUNNING, and the launch latency of tasks
 * a deployment waits for ({@code pacer.scheduler.launch.latency}).
 */
public class TaskTimings implements TaskTransitions {

    private static final Logger log = LoggerFactory.getLogger(TaskTimings.class);

    private final SchedulerMetrics metrics;
    private final Clock clock;
    private final DeployingApps deploying;

    /** @param deploying whether a deployment holds the app now (its tasks count towards launch latency) */
    public TaskTimings(SchedulerMetrics metrics, Clock clock, DeployingApps deploying) {
        this.metrics = metrics;
        this.clock = clock;
        this.deploying = deploying;
    }

    @Override
    public void changed(TaskRecord before, TaskRecord after) {
        metrics.taskState(after.state());
        if (after.state() == TaskState.TASK_RUNNING && (before == null || before.state() != TaskState.TASK_RUNNING)
                && after.stagedAt() != null) {
            Instant running = after.startedAt() != null ? after.startedAt() : clock.instant();
            Duration took = Duration.between(after.stagedAt(), running);
            metrics.taskStarted(took.isNegative() ? Duration.ZERO : took);
            launchLatency(after, running);
        }
    }

    /**
     * From the API call that accepted the change (the task's app version is its timestamp) to RUNNING, for tasks
     * that a deployment waits for; a replacement outside a deployment answers no API call and is not counted.
     */
    private void launchLatency(TaskRecord task, Instant running) {
        if (task.version() == null) {
            return;
        }
        try {
            Duration took = Duration.between(Timestamp.parse(task.version()).instant(), running);
            if (!took.isNegative() && deploying.holds(task.app())) {
                metrics.launchLatency(took);
            }
        } catch (RuntimeException e) {
            log.debug("No launch latency for task {}: {}", task.taskId(), e.getMessage());
        }
    }

    @Override
    public void unknownTask(AppId app, TaskStatus status) {
        // nothing to count
    }
}
