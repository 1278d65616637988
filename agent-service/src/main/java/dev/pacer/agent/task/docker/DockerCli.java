package dev.pacer.agent.task.docker;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code docker} CLI. Each call is one process with a time limit; its output is read from files
 * (never a pipe that could fill up). Task environment values travel in the CLI's own environment
 * ({@code -e NAME} takes the value from there), so they never appear on a command line.
 */
public class DockerCli {

    /** What a docker command did. */
    public record Result(int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }

        /** The first line of stderr (Docker's error), at most 300 characters. */
        public String error() {
            String line = stderr.strip().lines().findFirst().orElse("exit code " + exitCode);
            return line.length() > 300 ? line.substring(0, 300) + "…" : line;
        }
    }

    private final String command;
    private final Path scratch;

    /**
     * @param command the docker binary
     * @param scratch a directory for the output files of commands
     */
    public DockerCli(String command, Path scratch) {
        this.command = command;
        this.scratch = scratch;
    }

    public Result run(Duration timeout, List<String> args) throws IOException {
        return run(timeout, args, Map.of());
    }

    /** Runs {@code docker args...} with {@code env} added to its environment; a command past {@code timeout} is killed. */
    public Result run(Duration timeout, List<String> args, Map<String, String> env) throws IOException {
        Files.createDirectories(scratch);
        Path out = Files.createTempFile(scratch, "docker", ".out");
        Path err = Files.createTempFile(scratch, "docker", ".err");
        try {
            int code = runInto(timeout, args, env, out, err);
            return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code docker args...} with its stdout and stderr written to the given files (replacing them). */
    public int runInto(Duration timeout, List<String> args, Path stdout, Path stderr) throws IOException {
        return runInto(timeout, args, Map.of(), stdout, stderr);
    }

    /** Starts {@code docker args...} without waiting for it; its output is discarded. */
    public Process start(List<String> args) throws IOException {
        return builder(args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private int runInto(Duration timeout, List<String> args, Map<String, String> env, Path stdout, Path stderr)
            throws IOException {
        ProcessBuilder builder = builder(args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("docker " + args.get(0) + " did not answer within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running docker " + args.get(0), e);
        }
    }

    private ProcessBuilder builder(List<String> args) {
        List<String> full = new ArrayList<>(args.size() + 1);
        full.add(command);
        full.addAll(args);
        return new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
}
