package dev.pacer.agent.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A task's cgroups on one cgroup version: created with the task's limits, entered by the task's wrapper
 * before it runs the task, frozen to kill every process at once, read for OOM kills, removed when empty.
 */
abstract class CgroupDriver {

    /** Limits of one task: memory in bytes, cpu as Marathon's {@code cpus}, processes and threads. */
    record Limits(long memoryBytes, double cpus, int pidsMax, boolean cpuQuota) {
    }

    static final long PERIOD_US = 100_000;

    abstract String version();

    /** The directories under which this agent's tasks' cgroups live (one per hierarchy). */
    abstract List<Path> agentDirs();

    /** Creates (or finds) the task's cgroups and writes its limits; answers their directories. */
    abstract List<Path> create(String taskId, Limits limits) throws IOException;

    /** Freezes (true) or thaws every process of the cgroups; answers whether that state was reached. */
    abstract boolean freeze(List<Path> dirs, boolean frozen);

    /** How many processes the kernel's OOM killer killed in the task's cgroups. */
    abstract long oomKills(List<Path> dirs);

    /** The files a process writes its pid to in order to enter the cgroups. */
    List<Path> procsFiles(List<Path> dirs) {
        return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
    }

    /** Every process in the cgroups. */
    Set<Long> pids(List<Path> dirs) {
        Set<Long> pids = new LinkedHashSet<>();
        for (Path file : procsFiles(dirs)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.trim()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone already
            }
        }
        return pids;
    }

    /** Removes the cgroups (they must hold no process); answers whether all are gone. */
    boolean remove(List<Path> dirs) {
        boolean gone = true;
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                gone = false;
            }
        }
        return gone;
    }

    /** The task cgroups that exist under this agent's directories, by task id (the directory's name). */
    List<String> taskIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Path agentDir : agentDirs()) {
            if (!Files.isDirectory(agentDir)) {
                continue;
            }
            try (Stream<Path> children = Files.list(agentDir)) {
                children.filter(Files::isDirectory).forEach(c -> ids.add(c.getFileName().toString()));
            } catch (IOException e) {
                // nothing to list
            }
        }
        return new ArrayList<>(ids);
    }

    /** The task's directories in each hierarchy, whether or not they exist. */
    List<Path> dirsOf(String taskId) {
        return agentDirs().stream().map(d -> d.resolve(taskId)).toList();
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    /** The value of {@code key} in a flat-keyed file ({@code oom_kill 3}), or 0. */
    static long keyed(Path file, String key) {
        for (String line : read(file).split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2 && kv[0].equals(key)) {
                try {
                    return Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** Waits (briefly, polling) until {@code reached} is true. */
    static boolean await(BooleanSupplier reached) {
        for (int i = 0; i < 200; i++) {
            if (reached.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return reached.getAsBoolean();
    }
}
