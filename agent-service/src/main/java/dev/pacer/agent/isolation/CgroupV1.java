package dev.pacer.agent.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cgroup v1: one hierarchy per controller ({@code /sys/fs/cgroup/memory}, {@code cpu}, {@code pids},
 * {@code freezer}); a task has a directory in each, {@code <parent>/<agent id>/<task id>}.
 */
final class CgroupV1 extends CgroupDriver {

    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids", "freezer");

    /** controller to the agent's directory in that controller's hierarchy */
    private final Map<String, Path> agentDirs;

    CgroupV1(Map<String, Path> agentDirs) {
        this.agentDirs = Map.copyOf(agentDirs);
    }

    @Override
    String version() {
        return "v1";
    }

    @Override
    List<Path> agentDirs() {
        return CONTROLLERS.stream().map(agentDirs::get).toList();
    }

    @Override
    List<Path> create(String taskId, Limits limits) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String controller : CONTROLLERS) {
            Path dir = agentDirs.get(controller).resolve(taskId);
            Files.createDirectories(dir);
            dirs.add(dir);
        }
        Path memory = dirs.get(0);
        write(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
        Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
        if (Files.exists(memsw)) {
            write(memsw, Long.toString(limits.memoryBytes())); // no swapping past the limit either
        }
        Path cpu = dirs.get(1);
        write(cpu.resolve("cpu.shares"), Long.toString(Math.max(2, Math.round(limits.cpus() * 1024))));
        if (limits.cpuQuota() && Files.exists(cpu.resolve("cpu.cfs_quota_us"))) {
            write(cpu.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
            write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(Math.max(1000, Math.round(limits.cpus() * PERIOD_US))));
        }
        write(dirs.get(2).resolve("pids.max"), Integer.toString(limits.pidsMax()));
        return dirs;
    }

    @Override
    boolean freeze(List<Path> dirs, boolean frozen) {
        Path state = freezer(dirs).resolve("freezer.state");
        try {
            write(state, frozen ? "FROZEN" : "THAWED");
        } catch (IOException e) {
            return false;
        }
        String wanted = frozen ? "FROZEN" : "THAWED";
        return await(() -> read(state).trim().equals(wanted));
    }

    @Override
    long oomKills(List<Path> dirs) {
        return keyed(dirs.get(0).resolve("memory.oom_control"), "oom_kill");
    }

    private static Path freezer(List<Path> dirs) {
        return dirs.get(dirs.size() - 1);
    }
}
