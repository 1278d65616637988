package dev.pacer.agent.isolation;

import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Level {@link IsolationLevel#USERS}: a root agent that cannot create cgroups (an unprivileged container) still never
 * runs a task as root — each task runs as an unprivileged user of its app ({@link TaskUsers}) in a sandbox only that
 * user can enter. Nothing is limited, and a kill reaches the task's process group (the launcher's signals), not a
 * process that left it.
 */
final class UserIsolator implements TaskIsolator {

    private final TaskUsers users;
    private final Path setpriv;
    private final boolean noNewPrivileges;

    UserIsolator(TaskUsers users, Path setpriv, boolean noNewPrivileges) {
        this.users = users;
        this.setpriv = setpriv;
        this.noNewPrivileges = noNewPrivileges;
    }

    @Override
    public IsolationLevel level() {
        return IsolationLevel.USERS;
    }

    @Override
    public TaskIsolation prepare(LaunchRequest request) throws IOException {
        TaskUsers.TaskUser user = CgroupIsolator.user(users, request);
        return new TaskIsolation(user.name(), user.uid(), user.gid(), List.of(), (long) Math.ceil(request.mem()));
    }

    @Override
    public void handOver(TaskIsolation isolation, Path sandbox) throws IOException {
        CgroupIsolator.giveSandbox(isolation, sandbox);
    }

    @Override
    public List<String> enterFiles(TaskIsolation isolation) {
        return List.of();
    }

    @Override
    public List<String> dropPrivileges(TaskIsolation isolation) {
        return CgroupIsolator.setpriv(setpriv, isolation, noNewPrivileges);
    }

    @Override
    public List<String> besideTask(TaskIsolation isolation) {
        return dropPrivileges(isolation);
    }

    @Override
    public void terminate(TaskIsolation isolation) {
        // the launcher signals the task's process group; there is no cgroup to find strays in
    }

    @Override
    public boolean killAll(TaskIsolation isolation) {
        return true;
    }

    @Override
    public boolean memoryExceeded(TaskIsolation isolation) {
        return false;
    }

    @Override
    public void release(TaskIsolation isolation) {
    }

    @Override
    public void recovered(String appId, TaskIsolation isolation) {
        if (isolation.user() == null) {
            users.adopt(appId, isolation.uid());
        }
    }

    @Override
    public int reap(Set<String> live) {
        return 0;
    }
}
