package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLauncherTest {

    @TempDir
    Path dir;

    @Test
    void cmd_runsThroughShell_underTheWrapper_inItsOwnSession() {
        ProcessLauncher launcher = new ProcessLauncher(Path.of("/usr/bin/setsid"), Map.of(), "h");

        List<String> command = launcher.command(request("echo $HOME", List.of()));

        assertThat(command).containsExactly("/usr/bin/setsid", "/bin/sh", "-c", ProcessLauncher.WRAPPER, "pacer-task",
                "/bin/sh", "-c", "echo $HOME");
        assertThat(launcher.groupLeaders()).isTrue();
    }

    @Test
    void args_arePassedAsTheyAre_andWithoutSetsidThereAreNoGroups() {
        ProcessLauncher launcher = new ProcessLauncher(null, Map.of(), "h");

        List<String> command = launcher.command(request(null, List.of("/bin/echo", "a b", "$X")));

        assertThat(command).containsExactly("/bin/sh", "-c", ProcessLauncher.WRAPPER, "pacer-task", "/bin/echo", "a b", "$X");
        assertThat(launcher.groupLeaders()).isFalse();
    }

    @Test
    void wrapper_recordsTheExitCode_andKeepsTheTasksSignalsDefault() {
        assertThat(ProcessLauncher.WRAPPER).contains("trap : TERM", "( \"$@\" )", "> " + Sandbox.EXIT_FILE);
    }

    @Test
    void programs_areLookedUpLikeExecWould() {
        assertThatNoException().isThrownBy(() -> ProcessLauncher.checkExecutable("sh", "/nowhere:/bin", dir));
        assertThatNoException().isThrownBy(() -> ProcessLauncher.checkExecutable("/bin/sh", null, dir));
        assertThatThrownBy(() -> ProcessLauncher.checkExecutable("sh", "/nowhere", dir))
                .isInstanceOf(IOException.class).hasMessage("command 'sh' not found on the task's PATH");
        assertThatThrownBy(() -> ProcessLauncher.checkExecutable("./missing.sh", "/bin", dir))
                .isInstanceOf(IOException.class).hasMessage("'./missing.sh' is not an executable file");
        assertThatThrownBy(() -> ProcessLauncher.checkExecutable("/tmp", "/bin", dir)).isInstanceOf(IOException.class);
    }

    private static LaunchRequest request(String cmd, List<String> args) {
        return new LaunchRequest("t", "/a", "v", cmd, args, null, null, null, null, 0, 0, 0, 0);
    }
}
