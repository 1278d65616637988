package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedTaskTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final ManagedTask task = new ManagedTask(
            new LaunchRequest("t1", "/app", "v1", "run", null, null, null, List.of(31000), null, 1, 64, 0, 3),
            Sandbox.of(Path.of("/var/lib/pacer"), "t1"), T0);

    @Test
    void newTask_isStaging_inItsSandbox() {
        AgentTask snapshot = task.snapshot();

        assertThat(snapshot.state()).isEqualTo(TaskState.TASK_STAGING);
        assertThat(snapshot.sandbox()).isEqualTo("/var/lib/pacer/sandboxes/t1");
        assertThat(snapshot.stagedAt()).isEqualTo(T0);
        assertThat(snapshot.pid()).isNull();
    }

    @Test
    void startedTask_runs_withItsPid() {
        task.started(42, T0, T0.plusSeconds(1));

        assertThat(task.snapshot()).extracting(AgentTask::state, AgentTask::pid, AgentTask::startedAt)
                .containsExactly(TaskState.TASK_RUNNING, 42L, T0.plusSeconds(1));
    }

    @Test
    void killAskedForWhileStaging_staysInForceOnceStarted() {
        assertThat(task.killing()).isTrue();

        task.started(42, T0, T0);

        assertThat(task.state()).isEqualTo(TaskState.TASK_KILLING);
        assertThat(task.killing()).as("already being killed").isFalse();
    }

    @Test
    void endedTask_endsOnlyOnce_andCannotBeKilled() {
        task.started(42, T0, T0);

        assertThat(task.finish(TaskState.TASK_FAILED, 3, "exited with code 3", T0)).isTrue();
        assertThat(task.finish(TaskState.TASK_KILLED, null, "killed", T0)).isFalse();
        assertThat(task.killing()).isFalse();
        assertThat(task.snapshot()).extracting(AgentTask::state, AgentTask::exitCode, AgentTask::pid)
                .containsExactly(TaskState.TASK_FAILED, 3, null);
        assertThat(task.status("a1", "h1", T0).message()).isEqualTo("exited with code 3");
    }

    @Test
    void checkpoint_restoresTheSameTask() {
        task.started(42, T0, T0);
        ManagedTask restored = new ManagedTask(task.request(), task.sandbox(), task.checkpoint());

        assertThat(restored.snapshot()).isEqualTo(task.snapshot());
        assertThat(restored.checkpoint()).isEqualTo(task.checkpoint());
    }
}
