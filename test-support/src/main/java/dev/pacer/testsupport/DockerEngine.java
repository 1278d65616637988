package dev.pacer.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The gate of every test that needs Docker: {@link #requireEngine()} and {@link #requireImage(String)}.
 * On a developer machine without an engine (or without the image) the test is skipped with the reason,
 * visibly; in CI ({@code PACER_CI=1}) the same situation fails the test, so CI can never pass by skipping.
 *
 * <p>Images come from {@code containers/build-images.sh}; the failure message names the command that builds
 * the missing one. The checks run the {@code docker} CLI (it honours {@code DOCKER_HOST}) and are cached per JVM.
 *
 * <p>Call them before a container is created, e.g. first thing in a {@code @BeforeAll} that then starts it.
 */
public final class DockerEngine {

    /** Set to {@code 1} by {@code .ci/run}: Docker tests must run. */
    public static final String CI_VARIABLE = "PACER_CI";

    private static final long TIMEOUT_SECONDS = 20;
    private static final Map<String, Optional<String>> PROBLEMS = new ConcurrentHashMap<>();

    private DockerEngine() {
    }

    /** Skips (developer machine) or fails (CI) the calling test unless a Docker engine answers. */
    public static void requireEngine() {
        require(PROBLEMS.computeIfAbsent("", k -> engineProblem()), inCi());
    }

    /** {@link #requireEngine()}, then the same for the local image {@code image} (e.g. {@code pacer/redis:7}). */
    public static void requireImage(String image) {
        requireEngine();
        require(PROBLEMS.computeIfAbsent(image, DockerEngine::imageProblem), inCi());
    }

    public static boolean inCi() {
        return isCi(System.getenv(CI_VARIABLE));
    }

    static boolean isCi(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** The build command for an image of {@code containers/images.conf}: {@code pacer/redis:7} → {@code --only redis}. */
    static String buildHint(String image) {
        String name = image.startsWith("pacer/") ? image.substring("pacer/".length()) : image;
        int tag = name.indexOf(':');
        return "containers/build-images.sh --only " + (tag < 0 ? name : name.substring(0, tag));
    }

    static void require(Optional<String> problem, boolean ci) {
        if (problem.isEmpty()) {
            return;
        }
        if (ci) {
            Assertions.fail("Docker test cannot run, and " + CI_VARIABLE + "=1 forbids skipping it: " + problem.get());
        }
        Assumptions.abort("Docker test skipped: " + problem.get());
    }

    private static Optional<String> engineProblem() {
        Result version = docker("version", "--format", "{{.Server.Version}}");
        if (version.exit() == 0 && !version.output().isBlank()) {
            return Optional.empty();
        }
        return Optional.of("no Docker engine answers (`docker version`: " + version.output().strip()
                + "); start dockerd, or run .ci/run which installs and starts it");
    }

    private static Optional<String> imageProblem(String image) {
        Result inspect = docker("image", "inspect", "--format", "{{.Id}}", image);
        return inspect.exit() == 0 ? Optional.empty()
                : Optional.of("image " + image + " is not on this engine; build it with " + buildHint(image));
    }

    private record Result(int exit, String output) {
    }

    private static Result docker(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "no answer within " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output.length() > 300 ? output.substring(0, 300) : output);
        } catch (IOException e) {
            return new Result(-1, "no docker CLI: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
