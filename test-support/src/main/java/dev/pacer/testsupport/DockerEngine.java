package dev.pacer.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The gate of every test that needs Docker: {@link #requireEngine()} and {@link #requireImage(String)}.
 * On a developer machine without an engine (or without the image) the test is skipped with the reason,
 * visibly; in CI ({@code PACER_CI=1}) the same situation fails the test, so CI can never pass by skipping.
 *
 * <p>Images come from {@code containers/build-images.sh}; the failure message names the command that builds
 * the missing one. The checks run the {@code docker} CLI (it honours {@code DOCKER_HOST}) and are cached per JVM.
 *
 * <p>On a test class, prefer {@link RequiresDocker @RequiresDocker(images = ...)}: it is evaluated before any
 * {@code @BeforeAll} (and before Testcontainers starts a container), and Surefire counts each test skipped.
 * Inside a test, call the methods before a container is created.
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
        require(problem(), inCi());
    }

    /** {@link #requireEngine()}, then the same for the local image {@code image} (e.g. {@code pacer/redis:7}). */
    public static void requireImage(String image) {
        require(problem(image), inCi());
    }

    /** What keeps a test from running here (the engine first, then each image), if anything. */
    public static Optional<String> problem(String... images) {
        Optional<String> engine = PROBLEMS.computeIfAbsent("", k -> engineProblem());
        if (engine.isPresent()) {
            return engine;
        }
        for (String image : images) {
            Optional<String> missing = PROBLEMS.computeIfAbsent(image, DockerEngine::imageProblem);
            if (missing.isPresent()) {
                return missing;
            }
        }
        return Optional.empty();
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

    /** The condition behind {@link RequiresDocker}: disabled with the reason, or a failure in CI. */
    static final class Gate implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<RequiresDocker> requires = AnnotationSupport.findAnnotation(context.getElement(), RequiresDocker.class);
            if (requires.isEmpty()) {
                return ConditionEvaluationResult.enabled("no @RequiresDocker");
            }
            String allowed = requires.get().missingImageAllowedBecause();
            Optional<String> problem = problem(requires.get().images());
            ConditionEvaluationResult result = !allowed.isEmpty() && problem.isPresent() && problem().isEmpty()
                    ? evaluate(context.getDisplayName(), problem.map(p -> p + " (" + allowed + ")"), false)
                    : evaluate(context.getDisplayName(), problem, inCi());
            // Surefire counts the skipped tests but does not print why: say it on the console
            result.getReason().filter(reason -> result.isDisabled())
                    .ifPresent(reason -> System.err.println("[SKIPPED] " + context.getDisplayName() + ": " + reason));
            return result;
        }

        static ConditionEvaluationResult evaluate(String test, Optional<String> problem, boolean ci) {
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled("Docker engine and images present");
            }
            if (ci) {
                Assertions.fail(test + ": Docker test cannot run, and " + CI_VARIABLE + "=1 forbids skipping it: "
                        + problem.get());
            }
            return ConditionEvaluationResult.disabled("Docker test skipped: " + problem.get());
        }
    }

    private static Optional<String> engineProblem() {
        Result version = docker("version", "--format", "{{.Server.Version}}");
        if (version.exit() == 0 && !version.output().isBlank()) {
            return Optional.empty();
        }
        String said = version.output().strip();
        return Optional.of("no Docker engine answers (`docker version`: " + (said.length() > 300 ? said.substring(0, 300) : said)
                + "); start dockerd, or run .ci/run which installs and starts it");
    }

    private static Optional<String> imageProblem(String image) {
        Result inspect = docker("image", "inspect", "--format", "{{.Id}}", image);
        if (inspect.exit() == 0) {
            return Optional.empty();
        }
        return Optional.of("image " + image + " is not on this engine; " + (image.startsWith("pacer/")
                ? "build it with " + buildHint(image) : "pull or load it where a registry is reachable"));
    }

    /** A finished {@code docker} command: its exit status and its output (stdout and stderr together). */
    public record Result(int exit, String output) {
    }

    /** Runs {@code docker ARGS...} for 20 s at most (exit -1 when it cannot run or does not finish). */
    public static Result docker(String... args) {
        return docker(Duration.ofSeconds(TIMEOUT_SECONDS), args);
    }

    /** Runs {@code docker ARGS...} for {@code timeout} at most (exit -1 when it cannot run or does not finish). */
    public static Result docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return run(timeout, command);
    }

    /** Runs {@code command} (stdin empty, output captured) for {@code timeout} at most. */
    static Result run(Duration timeout, List<String> command) {
        return run(timeout, null, Map.of(), command);
    }

    /**
     * Runs {@code command} in {@code dir} (null: this process's) with {@code env} added to this process's
     * environment, stdin empty, output captured, for {@code timeout} at most (exit -1 when it cannot run or does
     * not finish): for the other CLIs Docker tests drive ({@code docker-compose}, build scripts).
     */
    public static Result run(Duration timeout, Path dir, Map<String, String> env, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("pacer-docker", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "no answer within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
