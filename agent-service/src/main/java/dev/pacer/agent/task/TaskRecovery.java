package dev.pacer.agent.task;

import dev.pacer.agent.isolation.TaskIsolator;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the agent's (re)start, finds every task its checkpoints name. An ended task is reported again
 * (status updates are at-least-once); any other is handed to the {@link TaskLauncher}, which re-attaches
 * to its process or ends it ({@link ProcessTaskLauncher#recover}). Then the cgroups of tasks the agent does not
 * know as running are removed, with any orphan process still in them.
 */
final class TaskRecovery {

    private static final Logger log = LoggerFactory.getLogger(TaskRecovery.class);

    private final TaskBook book;
    private final TaskLauncher launcher;
    private final TaskIsolator isolator;

    TaskRecovery(TaskBook book, TaskLauncher launcher) {
        this(book, launcher, TaskIsolator.NONE);
    }

    TaskRecovery(TaskBook book, TaskLauncher launcher, TaskIsolator isolator) {
        this.book = book;
        this.launcher = launcher;
        this.isolator = isolator;
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
            if (launcher.recover(task)) {
                attached++;
            }
        }
        launcher.recovered(book.all().stream().filter(t -> !t.state().isTerminal()).map(ManagedTask::id)
                .collect(Collectors.toSet()));
        log.info("Recovered {} task(s) from checkpoints, {} still running", book.all().size(), attached);
        Set<String> live = book.all().stream().filter(t -> !t.state().isTerminal()).map(ManagedTask::id)
                .collect(Collectors.toSet());
        int reaped = isolator.reap(live);
        if (reaped > 0) {
            log.info("Removed {} cgroup(s) of tasks this agent no longer runs", reaped);
        }
    }
}
