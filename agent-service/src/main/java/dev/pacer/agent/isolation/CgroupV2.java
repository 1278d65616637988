package dev.pacer.agent.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * cgroup v2 (the unified hierarchy): a task has one directory, {@code <parent>/<agent id>/<task id>}, with
 * the memory, cpu and pids controllers enabled from the hierarchy's root down to it; {@code cgroup.freeze}
 * freezes it and {@code cgroup.kill} (Linux 5.14+) kills it at once.
 */
final class CgroupV2 extends CgroupDriver {

    private static final String CONTROLLERS = "+memory +cpu +pids";

    private final Path mount;
    private final Path agentDir;

    CgroupV2(Path mount, Path agentDir) {
        this.mount = mount;
        this.agentDir = agentDir;
    }

    @Override
    String version() {
        return "v2";
    }

    @Override
    List<Path> agentDirs() {
        return List.of(agentDir);
    }

    @Override
    List<Path> create(String taskId, Limits limits) throws IOException {
        Files.createDirectories(agentDir);
        Path parent = mount;
        write(parent.resolve("cgroup.subtree_control"), CONTROLLERS);
        for (Path part : mount.relativize(agentDir)) {
            parent = parent.resolve(part.toString());
            write(parent.resolve("cgroup.subtree_control"), CONTROLLERS);
        }
        Path dir = agentDir.resolve(taskId);
        Files.createDirectories(dir);
        write(dir.resolve("memory.max"), Long.toString(limits.memoryBytes()));
        if (Files.exists(dir.resolve("memory.swap.max"))) {
            write(dir.resolve("memory.swap.max"), "0");
        }
        long shares = Math.max(2, Math.round(limits.cpus() * 1024));
        write(dir.resolve("cpu.weight"), Long.toString(Math.min(10000, Math.max(1, 1 + ((shares - 2) * 9999) / 262142))));
        String quota = limits.cpuQuota() ? Long.toString(Math.max(1000, Math.round(limits.cpus() * PERIOD_US))) : "max";
        write(dir.resolve("cpu.max"), quota + " " + PERIOD_US);
        write(dir.resolve("pids.max"), Integer.toString(limits.pidsMax()));
        return List.of(dir);
    }

    @Override
    boolean freeze(List<Path> dirs, boolean frozen) {
        Path dir = dirs.get(0);
        try {
            write(dir.resolve("cgroup.freeze"), frozen ? "1" : "0");
        } catch (IOException e) {
            return false;
        }
        long wanted = frozen ? 1 : 0;
        return await(() -> keyed(dir.resolve("cgroup.events"), "frozen") == wanted);
    }

    /** Kills every process of the cgroup in one write where the kernel has {@code cgroup.kill}. */
    boolean killAll(List<Path> dirs) {
        Path kill = dirs.get(0).resolve("cgroup.kill");
        if (!Files.exists(kill)) {
            return false;
        }
        try {
            write(kill, "1");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    long oomKills(List<Path> dirs) {
        return keyed(dirs.get(0).resolve("memory.events"), "oom_kill");
    }
}
