package dev.pacer.agent.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A task's directory on the agent's disk ({@code <work-dir>/sandboxes/<taskId>}): the process's
 * working directory and {@code HOME}, with its {@code stdout}, {@code stderr} and the exit code the
 * wrapper writes to {@code .pacer-exit} — or, for an isolated task (whose sandbox belongs to the task's
 * user, so that the agent never writes into it as root), to {@code <work-dir>/sandboxes/<taskId>.exit}.
 */
public record Sandbox(Path dir) {

    public static final String EXIT_FILE = ".pacer-exit";

    public static Sandbox of(Path workDir, String taskId) {
        return new Sandbox(workDir.resolve("sandboxes").resolve(taskId));
    }

    public Path stdout() {
        return dir.resolve("stdout");
    }

    public Path stderr() {
        return dir.resolve("stderr");
    }

    /** The log file of {@code stream} ({@code stdout} or {@code stderr}), or empty for any other name. */
    /** Where the root-owned wrapper of an isolated task records its exit code: beside the sandbox, not in it. */
    public Path isolatedExitFile() {
        return dir.resolveSibling(dir.getFileName() + ".exit");
    }

    public Optional<Path> log(String stream) {
        return switch (stream) {
            case "stdout" -> Optional.of(stdout());
            case "stderr" -> Optional.of(stderr());
            default -> Optional.empty();
        };
    }

    /** Creates the directory and empty log files; an exit file left by an earlier run is removed. */
    public void create() throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(EXIT_FILE));
        Files.deleteIfExists(isolatedExitFile());
        for (Path log : new Path[] {stdout(), stderr()}) {
            if (Files.notExists(log)) {
                Files.createFile(log);
            }
        }
    }

    /** The exit code the wrapper recorded, if the task's process ended and the wrapper lived to write it. */
    public Optional<Integer> exitCode() {
        return exitCode(false);
    }

    /** The exit code of a task, isolated or not (an isolated task's own files are never trusted for it). */
    public Optional<Integer> exitCode(boolean isolated) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(isolated ? isolatedExitFile() : dir.resolve(EXIT_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(isolatedExitFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.notExists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
