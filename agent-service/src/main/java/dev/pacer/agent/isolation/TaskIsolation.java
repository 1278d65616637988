package dev.pacer.agent.isolation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one task is isolated; checkpointed with the task, so that a restarted agent finds its cgroups and
 * its user again.
 *
 * @param user     the user name the task runs as, or null for a uid of the agent's range
 * @param uid      the task's uid (never 0)
 * @param gid      the task's gid
 * @param cgroups  the task's cgroup directories (cgroup v1: one per controller; v2: one)
 * @param memLimitMb the memory limit of the task's cgroup, in MB
 */
public record TaskIsolation(String user, int uid, int gid, List<String> cgroups, long memLimitMb) {

    public TaskIsolation {
        if (uid <= 0) {
            throw new IllegalArgumentException("a task never runs as root");
        }
        cgroups = List.copyOf(Objects.requireNonNull(cgroups, "cgroups"));
    }

    public List<Path> cgroupDirs() {
        return cgroups.stream().map(Path::of).toList();
    }

    /** The reason a task killed for its memory fails with (Mesos' words). */
    public String memoryExceeded() {
        return "Memory limit exceeded: " + memLimitMb + " MB";
    }
}
