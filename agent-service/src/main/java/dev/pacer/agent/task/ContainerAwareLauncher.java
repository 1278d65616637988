package dev.pacer.agent.task;

import dev.pacer.contract.task.TaskState;
import java.util.Set;

/**
 * Sends each task to the launcher of its kind: a Docker container ({@code LaunchRequest.container}) to the
 * Docker launcher, anything else to the process launcher. On an agent without a Docker engine a container
 * task fails at once with the reason (the scheduler's placement should not have sent it there).
 */
final class ContainerAwareLauncher implements TaskLauncher {

    private final TaskBook book;
    private final TaskLauncher processes;
    private final TaskLauncher containers;
    private final String noDocker;

    /**
     * @param containers the Docker launcher, null when this agent has no engine
     * @param noDocker   why it has none (the message of container tasks that reach it)
     */
    ContainerAwareLauncher(TaskBook book, TaskLauncher processes, TaskLauncher containers, String noDocker) {
        this.book = book;
        this.processes = processes;
        this.containers = containers;
        this.noDocker = noDocker;
    }

    /** The launcher of OS processes. */
    TaskLauncher processes() {
        return processes;
    }

    @Override
    public void start(ManagedTask task) {
        if (task.request().runsContainer() && containers == null) {
            if (task.finish(TaskState.TASK_FAILED, null,
                    DockerTaskLauncher.NOT_RUNNING + noDocker, book.now())) {
                book.publishFinished(task);
            }
            return;
        }
        of(task).start(task);
    }

    @Override
    public void kill(ManagedTask task) {
        of(task).kill(task);
    }

    @Override
    public boolean recover(ManagedTask task) {
        if (task.request().runsContainer() && containers == null) {
            Ending ending = Ending.of(task.state() == TaskState.TASK_KILLING, null, true);
            if (task.finish(ending.state(), null, ending.message() + " (" + noDocker + ")", book.now())) {
                book.publishFinished(task);
            }
            return false;
        }
        return of(task).recover(task);
    }

    @Override
    public void recovered(Set<String> liveTaskIds) {
        processes.recovered(liveTaskIds);
        if (containers != null) {
            containers.recovered(liveTaskIds);
        }
    }

    @Override
    public String logs(ManagedTask task, String stream, int tail) {
        return task.request().runsContainer() && containers != null ? containers.logs(task, stream, tail)
                : processes.logs(task, stream, tail);
    }

    private TaskLauncher of(ManagedTask task) {
        return task.request().runsContainer() ? containers : processes;
    }
}
