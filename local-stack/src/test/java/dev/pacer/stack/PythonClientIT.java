package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The third-party Python client (Debian's {@code python3-marathon} 0.13.0, for {@code /usr/bin/python3}) drives the
 * shared stack through the gateway: one test per scenario file in {@code src/test/python} (files starting with
 * {@code _} are helpers), run by {@link PythonScenario} (exit 0 passed, 77 skipped with a reason, else failed with
 * the scenario's output, which names the step, the call and the client's error).
 *
 * <p>Without the client the tests are skipped with the reason, except under {@code PACER_CI=1} ({@code .ci/run}
 * installs it), where they fail.
 */
class PythonClientIT {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCENARIOS = Path.of("src", "test", "python");
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    @TestFactory
    Stream<DynamicTest> pythonMarathonClient_scenarios() throws IOException {
        String missing = clientMissing();
        if (missing != null) {
            String reason = missing + " (Debian: apt-get install -y python3-marathon; .ci/run installs it)";
            if ("1".equals(System.getenv("PACER_CI"))) {
                throw new AssertionError("PACER_CI=1 and " + reason);
            }
            Assumptions.abort(reason);
        }
        List<Path> scenarios = scenarios();
        assertThat(scenarios).as("scenarios in " + SCENARIOS.toAbsolutePath()).isNotEmpty();
        return scenarios.stream().map(file -> {
            String name = file.getFileName().toString().replaceFirst("\\.py$", "");
            return DynamicTest.dynamicTest(name, file.toUri(), () -> {
                SharedStack stack = SharedStack.get();
                new PythonScenario(PYTHON, file, Map.of(
                        "PACER_URL", stack.gateway(""),
                        "PACER_CREDENTIAL", stack.adminCredential()), TIMEOUT).run();
            });
        });
    }

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".py"))
                    .filter(f -> !f.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        }
    }

    /** Why the client cannot run here, or null when it can. */
    private static String clientMissing() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing";
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import marathon").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "'" + PYTHON + " -c \"import marathon\"' did not finish";
            }
            return p.exitValue() == 0 ? null : "python3-marathon is not installed for " + PYTHON + ": " + out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
