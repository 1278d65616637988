package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.agent.isolation.IsolationLevel;
import dev.pacer.agent.isolation.TaskIsolation;
import dev.pacer.agent.isolation.TaskIsolator;
import dev.pacer.agent.secrets.SecretInjector;
import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void isolatedTask_entersItsCgroupsThenDropsToItsUser_andRecordsItsExitOutsideTheSandbox() {
        TaskIsolation isolation = new TaskIsolation(null, 50007,
                50007, List.of("/cg/memory/t", "/cg/pids/t"), 32);
        TaskIsolator isolator = new TaskIsolator() {
            @Override public IsolationLevel level() { return IsolationLevel.CGROUPS; }
            @Override public TaskIsolation prepare(LaunchRequest r) { return isolation; }
            @Override public void handOver(TaskIsolation i, Path s) { }
            @Override public List<String> enterFiles(TaskIsolation i) {
                return List.of("/cg/memory/t/cgroup.procs", "/cg/pids/t/cgroup.procs");
            }
            @Override public List<String> dropPrivileges(TaskIsolation i) {
                return List.of("setpriv", "--reuid=50007", "--");
            }
            @Override public void terminate(TaskIsolation i) { }
            @Override public boolean killAll(TaskIsolation i) { return true; }
            @Override public boolean memoryExceeded(TaskIsolation i) { return false; }
            @Override public void release(TaskIsolation i) { }
            @Override public void recovered(String appId, TaskIsolation i) { }
            @Override public int reap(Set<String> live) { return 0; }
        };
        ProcessLauncher launcher = new ProcessLauncher(Path.of("/usr/bin/setsid"), Map.of(), "h",
                SecretInjector.NONE, isolator);
        Sandbox sandbox = Sandbox.of(dir, "t");

        List<String> command = launcher.command(request("exit 3", List.of()), sandbox, isolation);

        assertThat(command).containsExactly("/usr/bin/setsid", "/bin/sh", "-c", ProcessLauncher.ISOLATED_WRAPPER,
                "pacer-task", dir.resolve("sandboxes/t.exit").toString(), "/cg/memory/t/cgroup.procs",
                "/cg/pids/t/cgroup.procs", "--", "setpriv", "--reuid=50007", "--", "/bin/sh", "-c", "exit 3");
        assertThat(sandbox.isolatedExitFile().getParent()).isEqualTo(sandbox.dir().getParent());
    }

    @Test
    void isolatedWrapper_neverRunsTheTaskWhenItCannotEnterItsCgroup() throws Exception {
        Path exit = dir.resolve("exit");
        Process wrapper = new ProcessBuilder("/bin/sh", "-c", ProcessLauncher.ISOLATED_WRAPPER, "pacer-task", exit.toString(),
                dir.resolve("no/such/cgroup.procs").toString(), "--", "/bin/sh", "-c", "touch ran")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(wrapper.getInputStream().readAllBytes());

        assertThat(wrapper.waitFor()).isEqualTo(125);
        assertThat(output).contains("cannot enter the task cgroup");
        assertThat(dir.resolve("ran")).doesNotExist();
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
