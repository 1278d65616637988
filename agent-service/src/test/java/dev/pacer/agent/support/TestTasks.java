package dev.pacer.agent.support;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Launch requests, process probes and clean-up for tests that run real task processes. */
public final class TestTasks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestTasks() {
    }

    public static String newTaskId(String app) {
        return TaskId.newTask(AppId.parse(app)).toString();
    }

    /** A launch request body for {@code cmd} (run through /bin/sh -c). */
    public static Map<String, Object> cmd(String taskId, String app, String cmd) {
        Map<String, Object> request = base(taskId, app);
        request.put("cmd", cmd);
        return request;
    }

    /** A launch request body for {@code args} (exec'd directly). */
    public static Map<String, Object> args(String taskId, String app, List<String> args) {
        Map<String, Object> request = base(taskId, app);
        request.put("args", args);
        return request;
    }

    private static Map<String, Object> base(String taskId, String app) {
        Map<String, Object> request = new HashMap<>();
        request.put("taskId", taskId);
        request.put("appId", app);
        request.put("version", "2024-01-01T00:00:00.000Z");
        request.put("cpus", 0.1);
        request.put("mem", 32.0);
        request.put("disk", 0.0);
        request.put("killGracePeriodSeconds", 1);
        return request;
    }

    /** Whether {@code pid} is a running process (a zombie, which no init reaped, counts as gone). */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGKILL to the process group of every task checkpointed under {@code workDir} whose process still
     * runs (same pid and start instant): tests leave nothing running, and signal nothing that is not theirs.
     */
    public static void killAllCheckpointed(Path workDir) {
        Path tasks = workDir.resolve("tasks");
        if (Files.notExists(tasks)) {
            return;
        }
        try (Stream<Path> files = Files.list(tasks)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode checkpoint = JSON.readTree(file.toFile());
                if (checkpoint.path("pid").isNumber()) {
                    long pid = checkpoint.path("pid").asLong();
                    String start = checkpoint.path("processStart").asString(null);
                    boolean same = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                            .map(i -> start == null || Instant.parse(start).equals(i)).orElse(false);
                    if (same) {
                        killGroup(pid);
                    }
                }
                killCgroups(checkpoint.path("isolation").path("cgroups"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL to every process of an isolated task's cgroups (until none is left), then the cgroups go. */
    private static void killCgroups(JsonNode cgroups) {
        List<Path> dirs = new ArrayList<>();
        cgroups.forEach(n -> dirs.add(Path.of(n.asString())));
        for (int round = 0; round < 50; round++) {
            boolean any = false;
            for (Path dir : dirs) {
                try {
                    for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                        any = true;
                        ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                } catch (IOException | NumberFormatException e) {
                    // gone
                }
            }
            if (!any) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
                Files.deleteIfExists(dir.getParent()); // the agent's directory, once its last task's is gone
            } catch (IOException e) {
                // not empty yet, or already gone
            }
        }
    }

    public static void killGroup(long pgid) {
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -s KILL -- -" + pgid + " 2>/dev/null").start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> envFile(Path file) {
        Map<String, String> env = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }
}
