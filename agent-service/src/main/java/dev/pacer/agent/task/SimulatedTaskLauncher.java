package dev.pacer.agent.task;

import dev.pacer.contract.task.TaskState;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SIMULATED runtime, for scale benchmarks only: a task is recorded, checkpointed and reported like a
 * real one ({@code TASK_STAGING}, {@code TASK_RUNNING}, {@code TASK_KILLING}, {@code TASK_KILLED}) but
 * no process is started (pid null) and no sandbox is created. With {@code failAfter} each task ends
 * {@code TASK_FAILED} that long after it started, to exercise replacement. Nothing survives the agent: after
 * a restart, a simulated task that had not ended is reported {@code TASK_FAILED} ({@link #LOST}), or
 * {@code TASK_KILLED} if it was being killed. Never use it in a test that claims real behaviour.
 */
final class SimulatedTaskLauncher implements TaskLauncher {

    static final String LOST = "simulated task lost with its agent";
    static final String FAILED = "simulated failure after ";

    private final TaskBook book;
    private final ScheduledExecutorService timer;
    private final Duration failAfter;

    /** @param failAfter how long each task runs before it fails, or null for as long as it is not killed */
    SimulatedTaskLauncher(TaskBook book, ScheduledExecutorService timer, Duration failAfter) {
        this.book = book;
        this.timer = timer;
        this.failAfter = failAfter;
    }

    @Override
    public void start(ManagedTask task) {
        task.startedWithoutProcess(book.now());
        book.launched();
        book.publish(task);
        if (task.state() == TaskState.TASK_KILLING) {
            kill(task);
        } else if (failAfter != null) {
            timer.schedule(() -> end(task, TaskState.TASK_FAILED, FAILED + failAfter), failAfter.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Ends the task {@code TASK_KILLED} at once, on the timer (the kill request is answered {@code TASK_KILLING}). */
    @Override
    public void kill(ManagedTask task) {
        timer.execute(() -> end(task, TaskState.TASK_KILLED, Ending.KILLED));
    }

    @Override
    public boolean recover(ManagedTask task) {
        if (task.state() == TaskState.TASK_KILLING) {
            end(task, TaskState.TASK_KILLED, Ending.KILLED);
        } else {
            end(task, TaskState.TASK_FAILED, LOST);
        }
        return false;
    }

    private void end(ManagedTask task, TaskState state, String message) {
        if (task.finish(state, null, message, book.now())) {
            book.publishFinished(task);
        }
    }
}
