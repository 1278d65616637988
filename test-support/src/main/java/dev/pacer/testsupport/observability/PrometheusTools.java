package dev.pacer.testsupport.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code prometheus} package: {@code promtool} ({@code $PACER_PROMTOOL}, else on the PATH) and the
 * {@code prometheus} server ({@code $PACER_PROMETHEUS}, else on the PATH). Without them a test is skipped with the
 * reason, and fails under {@code PACER_CI=1} ({@code .ci/run} installs the package).
 */
public final class PrometheusTools {

    private static final String INSTALL = "apt-get install -y prometheus";

    private PrometheusTools() {
    }

    public static String promtool() {
        return binary("PACER_PROMTOOL", "promtool");
    }

    public static String prometheus() {
        return binary("PACER_PROMETHEUS", "prometheus");
    }

    private static String binary(String variable, String name) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? name : configured;
    }

    /** Skips the calling test (fails it under PACER_CI=1) unless {@code binary --version} answers. */
    public static void assumeAvailable(String binary) {
        String problem;
        try {
            Result r = run(List.of(binary, "--version"), Path.of("."));
            problem = r.exit() == 0 ? null : binary + " --version exited " + r.exit();
        } catch (UncheckedIOException e) {
            problem = "no " + binary + " (" + e.getCause().getMessage() + ")";
        }
        if (problem == null) {
            return;
        }
        String reason = problem + "; install it (" + INSTALL + ") or set PACER_PROMTOOL / PACER_PROMETHEUS";
        if ("1".equals(System.getenv("PACER_CI"))) {
            Assertions.fail("PACER_CI=1 and " + reason);
        }
        Assumptions.abort(reason);
    }

    /** Runs {@code promtool args...} in {@code dir}; fails the test with promtool's output unless it exits 0. */
    public static String promtool(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(promtool()));
        command.addAll(List.of(args));
        Result r = run(command, dir);
        if (r.exit() != 0) {
            Assertions.fail(String.join(" ", command) + " exited " + r.exit() + ":\n" + r.out());
        }
        return r.out();
    }

    /** The exit code and the merged output of a command run in {@code dir} (at most 120 s). */
    public record Result(int exit, String out) {
    }

    public static Result run(List<String> command, Path dir) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assertions.fail(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies {@code observability/prometheus} to {@code dir} (rules, tests, the configuration). */
    public static void copyTree(Path from, Path to) {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
