package dev.pacer.agent.metrics;

import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.support.AgentApiTestBase;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.task.TaskState;
import dev.pacer.testsupport.Http;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The agent's task meters on its Prometheus endpoint. */
class AgentMetricsIT extends AgentApiTestBase {

    @Test
    void prometheus_countsLaunchesAndEndingsByState_andGaugesRunningTasks() {
        String failing = newTaskId("/metered");
        launch(cmd(failing, "/metered", "exit 1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> task(failing).state() == TaskState.TASK_FAILED);

        String scrape = Http.get(url(ApiPaths.ACTUATOR_PROMETHEUS)).body();

        assertThat(scrape).containsPattern("pacer_agent_tasks_launched_total\\{[^}]*} [1-9]")
                .containsPattern("pacer_agent_tasks_finished_total\\{[^}]*state=\"TASK_FAILED\"[^}]*} [1-9]")
                .contains("pacer_agent_tasks_running{")
                .doesNotContain(failing);
    }
}
