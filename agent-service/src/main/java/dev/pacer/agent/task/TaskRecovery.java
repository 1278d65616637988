package dev.pacer.agent.task;

import dev.pacer.contract.task.TaskState;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the agent's (re)start, finds every task its checkpoints name. A task whose process still runs
 * (same pid, same start instant: not a process that reused the pid) is re-attached and reported again;
 * one whose process ended meanwhile ends with the exit code its wrapper recorded; an ended task is
 * reported again (status updates are at-least-once).
 */
final class TaskRecovery {

    private static final Logger log = LoggerFactory.getLogger(TaskRecovery.class);

    private final TaskBook book;
    private final TaskRuntime runtime;

    TaskRecovery(TaskBook book, TaskRuntime runtime) {
        this.book = book;
        this.runtime = runtime;
    }

    void recover() {
        int attached = 0;
        for (TaskCheckpoint checkpoint : book.checkpoints().loadAll()) {
            String id = checkpoint.request().taskId();
            ManagedTask task = new ManagedTask(checkpoint.request(), Sandbox.of(book.node().workDir(), id), checkpoint);
            if (book.addIfAbsent(task) != null) {
                continue;
            }
            if (checkpoint.state().isTerminal()) {
                book.publish(task);
                continue;
            }
            Optional<ProcessHandle> process = sameProcess(checkpoint);
            if (process.isPresent()) {
                attached++;
                reattach(task, process.get());
            } else {
                endedMeanwhile(task);
            }
        }
        log.info("Recovered {} task(s) from checkpoints, {} still running", book.all().size(), attached);
    }

    private void reattach(ManagedTask task, ProcessHandle process) {
        task.reattached();
        book.publish(task);
        if (task.state() == TaskState.TASK_KILLING) {
            runtime.beginKill(task);
        }
        runtime.watch(task, process.onExit(), () -> null);
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
