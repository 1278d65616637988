package dev.pacer.agent.task;

import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs this agent's tasks as OS processes: launch (idempotent by task id), watch until the process
 * exits, kill (SIGTERM to the task's group, SIGKILL after the grace period), expunge after retention.
 * Every transition is checkpointed and reported through the {@link TaskBook}. Stopping the runtime
 * leaves running tasks alone: a restarted agent re-attaches to them ({@link TaskRecovery}).
 */
public final class TaskRuntime {

    /** A launch's answer: the task, and whether this call created it. */
    public record Launch(AgentTask task, boolean created) {
    }

    private final TaskBook book;
    private final ProcessLauncher launcher;
    private final ProcessSignals signals;
    private final ScheduledExecutorService timer;
    private final Duration defaultGrace;

    TaskRuntime(TaskBook book, ProcessLauncher launcher, ProcessSignals signals, ScheduledExecutorService timer,
                Duration defaultGrace) {
        this.book = book;
        this.launcher = launcher;
        this.signals = signals;
        this.timer = timer;
        this.defaultGrace = defaultGrace;
    }

    /** Starts the task unless its id is known: then the known task is the answer, whatever its state. */
    public Launch launch(LaunchRequest request) {
        ManagedTask task = new ManagedTask(request, Sandbox.of(book.node().workDir(), request.taskId()), book.now());
        ManagedTask known = book.addIfAbsent(task);
        if (known != null) {
            return new Launch(known.snapshot(), false);
        }
        book.publish(task);
        start(task);
        return new Launch(task.snapshot(), true);
    }

    public List<AgentTask> list() {
        return book.all().stream().map(ManagedTask::snapshot).sorted(Comparator.comparing(AgentTask::taskId)).toList();
    }

    public Optional<AgentTask> get(String taskId) {
        return book.find(taskId).map(ManagedTask::snapshot);
    }

    public Optional<Sandbox> sandbox(String taskId) {
        return book.find(taskId).map(ManagedTask::sandbox);
    }

    /** Starts killing the task (a task being killed or ended is left as it is); empty when unknown. */
    public Optional<AgentTask> kill(String taskId) {
        Optional<ManagedTask> found = book.find(taskId);
        found.ifPresent(task -> {
            if (task.killing()) {
                book.publish(task);
                if (task.pid() != null) {
                    beginKill(task);
                }
            }
        });
        return found.map(ManagedTask::snapshot);
    }

    /** Expunges tasks that ended more than {@code retain} ago, with their checkpoints and sandboxes. */
    public void expireTerminal(Duration retain) {
        Instant cutoff = book.now().minus(retain);
        for (ManagedTask task : book.all()) {
            Instant finished = task.finishedAt();
            if (task.state().isTerminal() && finished != null && !finished.isAfter(cutoff)) {
                book.forget(task);
            }
        }
    }

    private void start(ManagedTask task) {
        Process process;
        try {
            task.sandbox().create();
            process = launcher.start(task.request(), task.sandbox());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (task.finish(TaskState.TASK_FAILED, null, "could not start: " + reason, book.now())) {
                book.publishFinished(task);
            }
            return;
        }
        task.started(process.pid(), process.info().startInstant().orElse(null), book.now());
        book.launched();
        book.publish(task);
        if (task.state() == TaskState.TASK_KILLING) {
            beginKill(task);
        }
        watch(task, process.onExit(), process::exitValue);
    }

    /** Sends SIGTERM to the task's group now and SIGKILL once its grace period is over. */
    void beginKill(ManagedTask task) {
        long pid = task.pid();
        signals.terminate(pid);
        int seconds = task.request().killGracePeriodSeconds();
        Duration grace = seconds > 0 ? Duration.ofSeconds(seconds) : defaultGrace;
        task.hardKill(timer.schedule(() -> {
            if (!task.state().isTerminal()) {
                signals.kill(pid);
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Ends the task when {@code exit} completes; {@code childExitValue} is used when the wrapper left no exit file. */
    void watch(ManagedTask task, CompletableFuture<?> exit, Supplier<Integer> childExitValue) {
        exit.whenCompleteAsync((ignored, error) -> exited(task, childExitValue), timer);
    }

    private void exited(ManagedTask task, Supplier<Integer> childExitValue) {
        if (launcher.groupLeaders()) {
            signals.kill(task.pid()); // whatever the task left behind in its group goes with it
        }
        Integer code = task.sandbox().exitCode().orElseGet(childExitValue);
        Ending ending = Ending.of(task.state() == TaskState.TASK_KILLING, code, false);
        if (task.finish(ending.state(), ending.exitCode(), ending.message(), book.now())) {
            book.publishFinished(task);
        }
    }
}
