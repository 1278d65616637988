package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The exit protocol of the Python scenarios, with small scripts instead of the client (no stack needed). */
class PythonScenarioTest {

    @TempDir
    Path dir;

    private PythonScenario scenario(String name, String code) throws Exception {
        Path file = dir.resolve(name + ".py");
        Files.writeString(file, code);
        return new PythonScenario(Path.of("/usr/bin/python3"), file, Map.of("PACER_URL", "http://example.test"),
                Duration.ofSeconds(30));
    }

    @Test
    void exitZero_passes_andSeesItsEnvironment() throws Exception {
        scenario("ok", "import os, sys\nsys.exit(0 if os.environ['PACER_URL'] == 'http://example.test' else 1)\n").run();
    }

    @Test
    void exit77_isSkipped_withTheLastSkipLine() throws Exception {
        Throwable t = catchThrowable(scenario("later",
                "import sys\nprint('SKIP: not this', file=sys.stderr)\nprint('SKIP: needs /v2/events', file=sys.stderr)\nsys.exit(77)\n")::run);
        assertThat(t).isInstanceOf(TestAbortedException.class).hasMessage("needs /v2/events");
    }

    @Test
    void anyOtherExit_fails_withStderrAndTheSteps() throws Exception {
        Throwable t = catchThrowable(scenario("broken",
                "import sys\nprint('[broken] get_app(/x)')\nraise TypeError(\"unexpected keyword argument 'agent_id'\")\n")::run);
        assertThat(t).isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken exited with 1")
                .hasMessageContaining("unexpected keyword argument 'agent_id'")
                .hasMessageContaining("[broken] get_app(/x)");
    }

    @Test
    void aScenarioThatHangs_isStoppedAndFails() throws Exception {
        Path file = dir.resolve("hangs.py");
        Files.writeString(file, "import time\nprint('[hangs] waiting')\ntime.sleep(600)\n");
        Throwable t = catchThrowable(new PythonScenario(Path.of("/usr/bin/python3"), file, Map.of(), Duration.ofSeconds(2))::run);
        assertThat(t).isInstanceOf(AssertionError.class).hasMessageContaining("did not finish in 2 s");
    }
}
