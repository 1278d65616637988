package dev.pacer.agent.task;

import dev.pacer.agent.isolation.TaskIsolation;
import dev.pacer.agent.isolation.TaskIsolator;
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
 * Runs tasks as OS processes (the default runtime): starts the process in the task's sandbox (and, when
 * the agent isolates, in the task's cgroups as the task's user), watches it until it exits, kills it
 * (SIGTERM to the task's group and cgroup, SIGKILL after the grace period), and after the agent's restart
 * re-attaches to a process that still runs (same pid, same start instant: not a process that reused the
 * pid) or ends the task with the exit code its wrapper recorded.
 */
final class ProcessTaskLauncher implements TaskLauncher {

    private final TaskBook book;
    private final ProcessLauncher launcher;
    private final ProcessSignals signals;
    private final ScheduledExecutorService timer;
    private final Duration defaultGrace;
    private final TaskIsolator isolator;

    ProcessTaskLauncher(TaskBook book, ProcessLauncher launcher, ProcessSignals signals, ScheduledExecutorService timer,
                        Duration defaultGrace) {
        this(book, launcher, signals, timer, defaultGrace, TaskIsolator.NONE);
    }

    ProcessTaskLauncher(TaskBook book, ProcessLauncher launcher, ProcessSignals signals, ScheduledExecutorService timer,
                        Duration defaultGrace, TaskIsolator isolator) {
        this.book = book;
        this.launcher = launcher;
        this.signals = signals;
        this.timer = timer;
        this.defaultGrace = defaultGrace;
        this.isolator = isolator;
    }

    @Override
    public void start(ManagedTask task) {
        Process process;
        TaskIsolation isolation = null;
        try {
            task.sandbox().create();
            isolation = isolator.prepare(task.request());
            task.isolated(isolation);
            process = launcher.start(task.request(), task.sandbox(), isolation);
        } catch (IOException | RuntimeException e) {
            if (isolation != null) {
                isolator.release(isolation);
            }
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

    /** Sends SIGTERM to the task's group (and every process of its cgroup) now, SIGKILL once its grace period is over. */
    @Override
    public void kill(ManagedTask task) {
        Long pid = task.pid();
        if (pid == null) {
            return; // still staging: start() kills it once its process exists
        }
        signals.terminate(pid);
        TaskIsolation isolation = task.isolation();
        if (isolation != null) {
            isolator.terminate(isolation);
        }
        int seconds = task.request().killGracePeriodSeconds();
        Duration grace = seconds > 0 ? Duration.ofSeconds(seconds) : defaultGrace;
        task.hardKill(timer.schedule(() -> {
            if (!task.state().isTerminal()) {
                signals.kill(pid);
                if (isolation != null) {
                    isolator.killAll(isolation);
                }
            }
        }, grace.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Kills every running isolated task in which the kernel killed a process for exceeding its memory: the
     * task then fails with the reason, as under Mesos (a task is not left running on a part of itself).
     */
    void checkLimits() {
        for (ManagedTask task : book.all()) {
            TaskIsolation isolation = task.isolation();
            if (isolation != null && task.running() && task.limitExceeded() == null
                    && isolator.memoryExceeded(isolation)) {
                task.limitExceeded(isolation.memoryExceeded());
                isolator.killAll(isolation);
            }
        }
    }

    @Override
    public boolean recover(ManagedTask task) {
        Optional<ProcessHandle> process = sameProcess(task.checkpoint());
        if (process.isEmpty()) {
            endedMeanwhile(task);
            return false;
        }
        if (task.isolation() != null) {
            isolator.recovered(task.request().appId(), task.isolation());
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
        TaskIsolation isolation = task.isolation();
        Integer code = task.sandbox().exitCode(isolation != null).orElseGet(childExitValue);
        end(task, code, false);
    }

    private void endedMeanwhile(ManagedTask task) {
        end(task, task.sandbox().exitCode(task.isolation() != null).orElse(null), true);
    }

    /** Ends the task; an isolated one's cgroups go first (every process left in them killed), read for an OOM kill. */
    private void end(ManagedTask task, Integer code, boolean whileAgentDown) {
        TaskIsolation isolation = task.isolation();
        if (isolation != null) {
            isolator.killAll(isolation);
            if (task.limitExceeded() == null && isolator.memoryExceeded(isolation)) {
                task.limitExceeded(isolation.memoryExceeded());
            }
            isolator.release(isolation);
        }
        boolean killing = task.state() == TaskState.TASK_KILLING;
        Ending ending = !killing && task.limitExceeded() != null
                ? new Ending(TaskState.TASK_FAILED, code, task.limitExceeded())
                : Ending.of(killing, code, whileAgentDown);
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
