package dev.pacer.agent.task;

import dev.pacer.agent.isolation.TaskIsolation;
import dev.pacer.agent.isolation.TaskIsolator;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * This agent's tasks: launch (idempotent by task id), list, kill, expunge after retention. Every
 * transition is checkpointed and reported through the {@link TaskBook}; running and stopping the work
 * itself is the {@link TaskLauncher}'s (OS processes, or nothing in the simulated runtime). Stopping the
 * runtime leaves running tasks alone: a restarted agent takes them over ({@link TaskRecovery}).
 */
public final class TaskRuntime {

    /** A launch's answer: the task, and whether this call created it. */
    public record Launch(AgentTask task, boolean created) {
    }

    private final TaskBook book;
    private final TaskLauncher launcher;

    TaskRuntime(TaskBook book, TaskLauncher launcher) {
        this.book = book;
        this.launcher = launcher;
    }

    /** The process runtime. */
    TaskRuntime(TaskBook book, ProcessLauncher launcher, ProcessSignals signals, ScheduledExecutorService timer,
                Duration defaultGrace) {
        this(book, new ProcessTaskLauncher(book, launcher, signals, timer, defaultGrace));
    }

    /** The process runtime, isolating tasks with {@code isolator}. */
    TaskRuntime(TaskBook book, ProcessLauncher launcher, ProcessSignals signals, ScheduledExecutorService timer,
                Duration defaultGrace, TaskIsolator isolator) {
        this(book, new ProcessTaskLauncher(book, launcher, signals, timer, defaultGrace, isolator));
    }

    TaskLauncher launcher() {
        return launcher;
    }

    /** Starts the task unless its id is known: then the known task is the answer, whatever its state. */
    public Launch launch(LaunchRequest request) {
        ManagedTask task = new ManagedTask(request, Sandbox.of(book.node().workDir(), request.taskId()), book.now());
        ManagedTask known = book.addIfAbsent(task);
        if (known != null) {
            return new Launch(known.snapshot(), false);
        }
        book.publish(task);
        launcher.start(task);
        return new Launch(task.snapshot(), true);
    }

    public List<AgentTask> list() {
        return book.all().stream().map(ManagedTask::snapshot).sorted(Comparator.comparing(AgentTask::taskId)).toList();
    }

    public Optional<AgentTask> get(String taskId) {
        return book.find(taskId).map(ManagedTask::snapshot);
    }

    /** The launch request of a known task (its app version, ports and health checks). */
    public Optional<LaunchRequest> launchRequest(String taskId) {
        return book.find(taskId).map(ManagedTask::request);
    }

    /** How a known task is isolated (empty when it is not, or unknown). */
    public Optional<TaskIsolation> isolation(String taskId) {
        return book.find(taskId).map(ManagedTask::isolation);
    }

    public Optional<Sandbox> sandbox(String taskId) {
        return book.find(taskId).map(ManagedTask::sandbox);
    }

    /** The last {@code tail} lines of a known task's {@code stdout} or {@code stderr}; empty when the task is unknown. */
    public Optional<String> logs(String taskId, String stream, int tail) {
        return book.find(taskId).map(task -> launcher.logs(task, stream, tail));
    }

    /** Starts killing the task (a task being killed or ended is left as it is); empty when unknown. */
    public Optional<AgentTask> kill(String taskId) {
        Optional<ManagedTask> found = book.find(taskId);
        found.ifPresent(task -> {
            if (task.killing()) {
                book.publish(task);
                if (task.running()) {
                    launcher.kill(task);
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
}
