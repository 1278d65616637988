package dev.pacer.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process that the local-stack launcher or the benchmark harness started (a service JVM or
 * redis-server): its output goes to one log file, start-up waits for a readiness condition, and
 * stopping is SIGTERM first, SIGKILL after a grace period.
 */
public final class ManagedProcess {

    private final String name;
    private final Path log;
    private final Process process;

    private ManagedProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    public static ManagedProcess start(String name, List<String> command, Path logDir) {
        Path log = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ManagedProcess(name, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command that runs the embedded redis-server on loopback without persistence (the benchmark harness:
     * its data is thrown away), in its own session where {@code setsid} exists: a Ctrl-C in the terminal then
     * reaches the services, not Redis, which the caller stops last.
     */
    public static List<String> redisServerCommand(int port) {
        return redisServerCommand(port, null, null);
    }

    /**
     * As {@link #redisServerCommand(int)}, reading {@code config} first (e.g. ACL users with passwords, which
     * then never appear on a command line; null for none) and persisting in {@code dataDir} (null: nothing is
     * persisted). Persistence is an append-only file ({@code appendonly.aof}) fsynced every second: a restart,
     * even after SIGKILL or a crash of the machine, loses at most the writes of the last second (Redis hands each
     * write to the file before answering it, so a killed process usually loses none; a disk too slow for the
     * fsync can stretch it to two). No RDB snapshots: Redis starts from the append-only file alone, and a
     * snapshot would only add a periodic fork and a second copy of the data.
     */
    public static List<String> redisServerCommand(int port, Path config, Path dataDir) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(RedisBinary.path().toString());
        if (config != null) {
            command.add(config.toString());
        }
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", ""));
        if (dataDir != null) {
            command.addAll(List.of("--dir", dataDir.toString(), "--appendonly", "yes", "--appendfsync", "everysec"));
        } else {
            command.addAll(List.of("--appendonly", "no"));
        }
        return command;
    }

    /** True when something accepts TCP connections on the loopback port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Polls {@code ready} until it holds; fails when the process exits first or {@code timeout} passes. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (exit " + process.exitValue() + "); see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** SIGTERM (graceful for Spring and Redis alike), then SIGKILL after {@code grace}. Idempotent. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
