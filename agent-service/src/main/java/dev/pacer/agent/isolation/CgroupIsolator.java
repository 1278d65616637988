package dev.pacer.agent.isolation;

import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each task in its own cgroups (memory from {@code mem}, cpu from {@code cpus}, a pids limit, the freezer)
 * and as an unprivileged user ({@link TaskUsers}); killing a task freezes its cgroup and kills every process
 * in it, whatever session or parent it has.
 */
public final class CgroupIsolator implements TaskIsolator {

    private static final Logger log = LoggerFactory.getLogger(CgroupIsolator.class);
    /** Mesos' floor for a task's memory: below it hardly any program starts. */
    static final long MIN_MEMORY_MB = 32;
    private static final long MIB = 1024 * 1024;

    /** Writes its pid into each {@code cgroup.procs} up to {@code --}, then execs the rest; never runs outside. */
    static final String ENTER_AND_EXEC = "while [ \"$1\" != -- ]; do printf '%s\\n' \"$$\" > \"$1\" || exit 125; shift; "
            + "done; shift; exec \"$@\"";

    private final CgroupDriver driver;
    private final TaskUsers users;
    private final IsolationProperties properties;
    private final Path setpriv;

    CgroupIsolator(CgroupDriver driver, TaskUsers users, IsolationProperties properties, Path setpriv) {
        this.driver = driver;
        this.users = users;
        this.properties = properties;
        this.setpriv = setpriv;
    }

    @Override
    public IsolationLevel level() {
        return IsolationLevel.CGROUPS;
    }

    @Override
    public TaskIsolation prepare(LaunchRequest request) throws IOException {
        TaskUsers.TaskUser user = user(users, request);
        long memMb = Math.max(MIN_MEMORY_MB, (long) Math.ceil(request.mem()));
        CgroupDriver.Limits limits = new CgroupDriver.Limits(memMb * MIB, request.cpus(), properties.pidsMax(),
                properties.cpuQuota());
        List<Path> dirs;
        try {
            dirs = driver.create(request.taskId(), limits);
        } catch (IOException e) {
            driver.remove(driver.dirsOf(request.taskId()));
            throw new IOException("cannot create the task's cgroup (" + e.getMessage() + ")");
        }
        return new TaskIsolation(user.name(), user.uid(), user.gid(), dirs.stream().map(Path::toString).toList(), memMb);
    }

    @Override
    public void handOver(TaskIsolation isolation, Path sandbox) throws IOException {
        giveSandbox(isolation, sandbox);
    }

    /** The user a task of {@code request}'s app runs as (its {@code user}, or a uid of the agent's range). */
    static TaskUsers.TaskUser user(TaskUsers users, LaunchRequest request) throws IOException {
        try {
            return users.resolve(request.appId(), request.user());
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** The sandbox (and what the agent wrote into it) becomes the task user's, 0700. */
    static void giveSandbox(TaskIsolation isolation, Path sandbox) throws IOException {
        openForTraversal(sandbox.getParent());
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(sandbox)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Files.setAttribute(path, "unix:uid", isolation.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", isolation.gid(), LinkOption.NOFOLLOW_LINKS);
        }
        Files.setPosixFilePermissions(sandbox, PosixFilePermissions.fromString("rwx------"));
    }

    /** Sandboxes are reached through their parents: those are searchable (x), never listable, by others. */
    private static void openForTraversal(Path sandboxes) throws IOException {
        Files.setPosixFilePermissions(sandboxes, PosixFilePermissions.fromString("rwx--x--x"));
        Path workDir = sandboxes.getParent();
        var perms = new HashSet<>(Files.getPosixFilePermissions(workDir));
        if (perms.add(PosixFilePermission.OTHERS_EXECUTE)) {
            Files.setPosixFilePermissions(workDir, perms);
        }
    }

    @Override
    public List<String> enterFiles(TaskIsolation isolation) {
        return driver.procsFiles(isolation.cgroupDirs()).stream().map(Path::toString).toList();
    }

    @Override
    public List<String> dropPrivileges(TaskIsolation isolation) {
        return setpriv(setpriv, isolation, properties.noNewPrivileges());
    }

    /** {@code setpriv} to the task's uid and gid, no supplementary groups (and no_new_privs), then {@code --}. */
    static List<String> setpriv(Path setpriv, TaskIsolation isolation, boolean noNewPrivileges) {
        List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + isolation.uid(),
                "--regid=" + isolation.gid(), "--clear-groups"));
        if (noNewPrivileges) {
            command.add("--no-new-privs");
        }
        command.add("--");
        return command;
    }

    @Override
    public List<String> besideTask(TaskIsolation isolation) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", ENTER_AND_EXEC, "pacer-beside"));
        command.addAll(enterFiles(isolation));
        command.add("--");
        command.addAll(dropPrivileges(isolation));
        return command;
    }

    @Override
    public void terminate(TaskIsolation isolation) {
        for (long pid : driver.pids(isolation.cgroupDirs())) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Override
    public boolean killAll(TaskIsolation isolation) {
        return killAll(isolation.cgroupDirs());
    }

    private boolean killAll(List<Path> dirs) {
        if (dirs.stream().noneMatch(Files::isDirectory)) {
            return true;
        }
        for (int round = 0; round < 20; round++) {
            if (driver.pids(dirs).isEmpty()) {
                return true;
            }
            if (!(driver instanceof CgroupV2 v2 && v2.killAll(dirs))) {
                driver.freeze(dirs, true); // frozen, no process can fork away between the listing and the kill
                for (long pid : driver.pids(dirs)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
                driver.freeze(dirs, false); // SIGKILL takes effect once thawed
            }
            CgroupDriver.await(() -> driver.pids(dirs).isEmpty());
        }
        boolean empty = driver.pids(dirs).isEmpty();
        if (!empty) {
            log.warn("Processes of cgroup {} survive SIGKILL", dirs.get(0));
        }
        return empty;
    }

    @Override
    public boolean memoryExceeded(TaskIsolation isolation) {
        return driver.oomKills(isolation.cgroupDirs()) > 0;
    }

    @Override
    public void release(TaskIsolation isolation) {
        List<Path> dirs = isolation.cgroupDirs();
        killAll(isolation);
        if (!CgroupDriver.await(() -> driver.remove(dirs))) {
            log.warn("Cannot remove cgroup {} yet; it is reaped when the agent next starts", dirs.get(0));
        }
    }

    @Override
    public void recovered(String appId, TaskIsolation isolation) {
        if (isolation.user() == null) {
            users.adopt(appId, isolation.uid());
        }
    }

    @Override
    public void close() {
        driver.remove(driver.agentDirs()); // fails, harmlessly, while tasks' cgroups are in them
    }

    @Override
    public int reap(Set<String> live) {
        int reaped = 0;
        for (String taskId : driver.taskIds()) {
            if (live.contains(taskId)) {
                continue;
            }
            List<Path> dirs = driver.dirsOf(taskId).stream().filter(Files::isDirectory).toList();
            if (!driver.pids(dirs).isEmpty()) {
                // an orphan (the agent died between starting it and checkpointing it): its task is not running as far
                // as anyone knows, and would otherwise run twice once replaced
                log.warn("Killing the processes of cgroup {}, which belongs to no task this agent knows", dirs.get(0));
                killAll(dirs);
            }
            if (CgroupDriver.await(() -> driver.remove(dirs))) {
                reaped++;
            }
        }
        return reaped;
    }
}
