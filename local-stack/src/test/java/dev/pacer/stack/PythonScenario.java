package dev.pacer.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * Runs one Python scenario file with {@code /usr/bin/python3} and turns its exit into a JUnit outcome: 0 passes,
 * {@value #SKIPPED} aborts the test (skipped) with the reason from the last {@code SKIP: } line on stderr, anything
 * else fails with the scenario's stderr and stdout (its steps). The protocol is the scenarios' {@code _pacer.py}.
 */
record PythonScenario(Path python, Path file, Map<String, String> environment, Duration timeout) {

    static final int SKIPPED = 77;
    private static final String SKIP_PREFIX = "SKIP: ";

    String name() {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".py") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }

    /** Passes, or throws {@link AssertionError} (failed) or {@link TestAbortedException} (skipped). */
    void run() throws IOException, InterruptedException {
        Path out = Files.createTempFile("python-" + name(), ".out");
        Path err = Files.createTempFile("python-" + name(), ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(python.toString(), file.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // no __pycache__ in the source tree
            builder.environment().put("PYTHONUNBUFFERED", "1");
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(name() + " did not finish in " + timeout.toSeconds() + " s\n" + output(out, err));
            }
            int code = process.exitValue();
            if (code == SKIPPED) {
                List<String> reasons = Files.readAllLines(err).stream().filter(l -> l.startsWith(SKIP_PREFIX)).toList();
                throw new TestAbortedException(reasons.isEmpty()
                        ? name() + " skipped without a reason"
                        : reasons.get(reasons.size() - 1).substring(SKIP_PREFIX.length()));
            }
            if (code != 0) {
                throw new AssertionError(name() + " exited with " + code + ":\n" + output(out, err));
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String output(Path out, Path err) throws IOException {
        return "--- stderr ---\n" + Files.readString(err) + "--- stdout (steps) ---\n" + Files.readString(out);
    }
}
