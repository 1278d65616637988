package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.metrics.AgentMetrics;
import dev.pacer.agent.node.AgentNode;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The SIMULATED runtime (benchmarks only): fail-after, and what a restarted agent says of its tasks. */
class SimulatedTaskLauncherTest {

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
    void simulatedTask_failsAfterFailAfter_withoutAProcess() {
        TaskRuntime runtime = runtime(book(), Duration.ofMillis(100));

        runtime.launch(request("t1"));

        await().atMost(Duration.ofSeconds(5)).until(() -> reported.size() == 3);
        assertThat(reported).extracting(TaskStatus::state)
                .containsExactly(TaskState.TASK_STAGING, TaskState.TASK_RUNNING, TaskState.TASK_FAILED);
        assertThat(reported.get(2).message()).startsWith(SimulatedTaskLauncher.FAILED);
        assertThat(runtime.get("t1").orElseThrow().pid()).isNull();
    }

    @Test
    void simulatedTask_isReportedLost_byTheRestartedAgent() {
        runtime(book(), null).launch(request("t1"));
        reported.clear();

        TaskBook restarted = book();
        new TaskRecovery(restarted, new SimulatedTaskLauncher(restarted, timer, null)).recover();

        assertThat(reported).extracting(TaskStatus::state, TaskStatus::message)
                .containsExactly(Tuple.tuple(TaskState.TASK_FAILED, SimulatedTaskLauncher.LOST));
    }

    private TaskBook book() {
        AgentNode node = new AgentNode(AgentId.parse("a1"), "node1", "z", "r", Map.of(), new Resources(1, 1, 1),
                new PortRange(31000, 31001), workDir);
        return new TaskBook(node, new CheckpointStore(workDir, JsonMapper.builder().build()), reported::add,
                AgentMetrics.NONE, clock);
    }

    private TaskRuntime runtime(TaskBook book, Duration failAfter) {
        return new TaskRuntime(book, new SimulatedTaskLauncher(book, timer, failAfter));
    }

    private static LaunchRequest request(String taskId) {
        return new LaunchRequest(taskId, "/app", "v1", "exit 1", null, null, null, null, null, 0.1, 16, 0, 1);
    }
}
