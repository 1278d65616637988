package dev.pacer.agent.task;

import dev.pacer.contract.task.TaskState;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs tasks as OS processes (the default runtime): starts the process in the task's sandbox, watches
 * it until it exits, kills it (SIGTERM to the task's group, SIGKILL after the grace period), and after
 * the agent's restart re-attaches to a process that still runs (same pid, same start instant: not a
 * process that reused the pid) or ends the task with the exit code its wrapper recorded.
 */
final class ProcessTaskLauncher implements TaskLauncher {

    private final TaskBook book;
    private final ProcessLauncher launcher;
    private final ProcessSignals signals;
    private final ScheduledExecutorService timer;
    private final Duration defaultGrace;

    ProcessTaskLauncher(TaskBook book, ProcessLauncher launcher, ProcessSignals signals, ScheduledExecutorService timer,
                        Duration defaultGrace) {
        this.book = book;
        this.launcher = launcher;
        this.signals = signals;
        this.timer = timer;
        this.defaultGrace = defaultGrace;
    }

    @Override
    public void start(ManagedTask task) {
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
            kill(task);
        }
        watch(task, process.onExit(), process::exitValue);
    }

    /** Sends SIGTERM to the task's group now and SIGKILL once its grace period is over. */
    @Override
    public void kill(ManagedTask task) {
        Long pid = task.pid();
        if (pid == null) {
            return; // still staging: start() kills it once its process exists
        }
        signals.terminate(pid);
        int seconds = task.request().killGracePeriodSeconds();
        Duration grace = seconds > 0 ? Duration.ofSeconds(seconds) : defaultGrace;
        task.hardKill(timer.schedule(() -> {
            if (!task.state().isTerminal()) {
                signals.kill(pid);
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public boolean recover(ManagedTask task) {
        Optional<ProcessHandle> process = sameProcess(task.checkpoint());
        if (process.isEmpty()) {
            endedMeanwhile(task);
            return false;
        }
        task.reattached();
        book.publish(task);
        if (task.state() == TaskState.TASK_KILLING) {
            kill(task);
        }
        watch(task, process.get().onExit(), () -> null);
        return true;
    }

    /** Ends the task when {@code exit} completes; {@code childExitValue} is used when the wrapper left no exit file. */
    private void watch(ManagedTask task, CompletableFuture<?> exit, Supplier<Integer> childExitValue) {
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

    private void endedMeanwhile(ManagedTask task) {
        Integer code = task.sandbox().exitCode().orElse(null);
        Ending ending = Ending.of(task.state() == TaskState.TASK_KILLING, code, true);
        if (task.finish(ending.state(), ending.exitCode(), ending.message(), book.now())) {
            book.publishFinished(task);
        }
    }

    private static Optional<ProcessHandle> sameProcess(TaskCheckpoint checkpoint) {
        if (checkpoint.pid() == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(checkpoint.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> checkpoint.processStart() == null
                        || Objects.equals(p.info().startInstant().orElse(null), checkpoint.processStart()));
    }
}
