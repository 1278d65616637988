package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.metrics.AgentMetrics;
import dev.pacer.agent.node.AgentNode;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The runtime alone, with real short-lived processes, a recording reporter and a clock moved by hand. */
class TaskRuntimeTest {

    @TempDir
    Path workDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final List<TaskStatus> reported = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void everyTransition_isReportedInOrder_withTheAgentsIdentity() {
        TaskRuntime runtime = runtime();

        runtime.launch(request("t1", "exit 4"));

        await().atMost(Duration.ofSeconds(5)).until(() -> reported.size() == 3);
        assertThat(reported).extracting(TaskStatus::state)
                .containsExactly(TaskState.TASK_STAGING, TaskState.TASK_RUNNING, TaskState.TASK_FAILED);
        assertThat(reported.get(2)).extracting(TaskStatus::agentId, TaskStatus::host, TaskStatus::exitCode, TaskStatus::message)
                .containsExactly("a1", "node1", 4, "exited with code 4");
    }

    @Test
    void endedTask_isExpungedWithItsCheckpointAndSandbox_onceRetentionIsOver() {
        TaskRuntime runtime = runtime();
        AgentTask task = runtime.launch(request("t1", "true")).task();
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.get("t1").orElseThrow().state() == TaskState.TASK_FINISHED);

        clock.advance(Duration.ofMinutes(59));
        runtime.expireTerminal(Duration.ofHours(1));
        assertThat(runtime.get("t1")).isPresent();

        clock.advance(Duration.ofMinutes(2));
        runtime.expireTerminal(Duration.ofHours(1));

        assertThat(runtime.get("t1")).isEmpty();
        assertThat(Path.of(task.sandbox())).doesNotExist();
        assertThat(workDir.resolve("tasks/t1.json")).doesNotExist();
    }

    @Test
    void sandboxThatCannotBeCreated_failsTheLaunch_withTheReason() throws Exception {
        Files.createDirectories(workDir.resolve("sandboxes"));
        Files.writeString(workDir.resolve("sandboxes/t1"), "a file where the sandbox should be");

        AgentTask task = runtime().launch(request("t1", "true")).task();

        assertThat(task.state()).isEqualTo(TaskState.TASK_FAILED);
        assertThat(reported.get(reported.size() - 1).message()).startsWith("could not start: ");
    }

    private TaskRuntime runtime() {
        AgentNode node = new AgentNode(AgentId.parse("a1"), "node1", "z", "r", Map.of(), new Resources(1, 1, 1),
                new PortRange(31000, 31001), workDir);
        TaskBook book = new TaskBook(node, new CheckpointStore(workDir, JsonMapper.builder().build()), reported::add,
                AgentMetrics.NONE, clock);
        ProcessLauncher launcher = new ProcessLauncher(ProcessLauncher.findSetsid(), System.getenv(), "node1");
        return new TaskRuntime(book, launcher, new ProcessSignals(launcher.groupLeaders()), timer, Duration.ofSeconds(1));
    }

    private static LaunchRequest request(String taskId, String cmd) {
        return new LaunchRequest(taskId, "/app", "v1", cmd, null, null, null, null, null, 0.1, 16, 0, 1);
    }
}
