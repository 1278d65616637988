package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The third-party Python client (Debian's {@code python3-marathon} 0.13.0, for {@code /usr/bin/python3}) drives the
 * shared stack through the gateway: one test per scenario file in {@code src/test/python} (files starting with
 * {@code _} are helpers). A scenario exits 0 (passed), 77 (skipped, the reason on its last stderr line) or anything
 * else (failed: the test fails with the scenario's output, which names the step, the call and the error).
 *
 * <p>Without the client the tests are skipped with the reason, except under {@code PACER_CI=1} ({@code .ci/run}
 * installs it), where they fail.
 */
class PythonClientIT {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCENARIOS = Path.of("src", "test", "python");
    static final int SKIPPED = 77;
    static final long TIMEOUT_SECONDS = 600;

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
        return scenarios.stream().map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> run(file)));
    }

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".py"))
                    .filter(f -> !f.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        }
    }

    private static String name(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".py".length());
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

    private static void run(Path scenario) throws Exception {
        SharedStack stack = SharedStack.get();
        Path out = Files.createTempFile("python-" + name(scenario), ".out");
        Path err = Files.createTempFile("python-" + name(scenario), ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), scenario.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("PACER_URL", stack.gateway(""));
            builder.environment().put("PACER_CREDENTIAL", stack.adminCredential());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in the source tree
            builder.environment().put("PYTHONUNBUFFERED", "1");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(name(scenario) + " did not finish in " + TIMEOUT_SECONDS + " s\n" + output(out, err));
            }
            int code = process.exitValue();
            if (code == SKIPPED) {
                List<String> lines = Files.readAllLines(err).stream().filter(l -> l.startsWith("SKIP: ")).toList();
                throw new TestAbortedException(lines.isEmpty() ? "skipped without a reason" : lines.get(lines.size() - 1).substring(6));
            }
            assertThat(code).as("%s exited with %d:\n%s", name(scenario), code, output(out, err)).isZero();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String output(Path out, Path err) throws IOException {
        return "--- stderr ---\n" + Files.readString(err) + "--- stdout (steps) ---\n" + Files.readString(out);
    }
}
