package dev.pacer.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.support.AgentApiTestBase;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** COMMAND checks run by the agent beside a real task process, in its sandbox, with its environment. */
class CommandHealthCheckIT extends AgentApiTestBase {

    @Autowired
    AgentHealthChecks checks;

    private static Map<String, Object> check(String command, int timeoutSeconds) {
        return Map.of("protocol", "COMMAND", "command", Map.of("value", command), "gracePeriodSeconds", 0,
                "intervalSeconds", 1, "timeoutSeconds", timeoutSeconds, "maxConsecutiveFailures", 2, "delaySeconds", 0);
    }

    private String launchWith(String app, Map<String, Object> check) {
        String taskId = TestTasks.newTaskId(app);
        Map<String, Object> request = new HashMap<>(TestTasks.cmd(taskId, app, "sleep 60"));
        request.put("healthChecks", List.of(check));
        request.put("ports", List.of(FreePorts.next()));
        assertThat(launch(request).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> task(taskId).state() == TaskState.TASK_RUNNING);
        return taskId;
    }

    private Optional<HealthResult> result(String app, String taskId) {
        Object raw = redis.opsForHash().get(HealthKeys.taskHealth(AppId.parse(app)), HealthKeys.field(taskId, 0));
        return Optional.ofNullable(raw).map(r -> JSON.readValue(r.toString(), HealthResult.class));
    }

    @Test
    void aCommandCheck_runsInTheSandboxWithTheTasksEnvironment_failsAndRecovers() throws Exception {
        String taskId = launchWith("/cmd/web", check("test -f \"$MESOS_SANDBOX/healthy\" && test -n \"$PORT0\"", 2));

        await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            HealthResult r = result("/cmd/web", taskId).orElseThrow(() -> new AssertionError("no result yet"));
            assertThat(r.alive()).isFalse();
            assertThat(r.consecutiveFailures()).isGreaterThanOrEqualTo(2);
            assertThat(r.lastFailureCause()).isEqualTo("exit code 1");
            assertThat(r.exceeds(2)).isTrue();
        });

        Files.writeString(Path.of(task(taskId).sandbox()).resolve("healthy"), "");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HealthResult r = result("/cmd/web", taskId).orElseThrow(() -> new AssertionError("no result yet"));
            assertThat(r.alive()).isTrue();
            assertThat(r.consecutiveFailures()).isZero();
        });
        assertThat(Http.get(url("/actuator/prometheus")).body())
                .contains("pacer_agent_health_checks_total{application=\"agent-service\",protocol=\"COMMAND\",result=\"healthy\"");
    }

    @Test
    void aCommandCheckThatHangs_timesOut_andEndedTasksAreNoLongerChecked() {
        String taskId = launchWith("/cmd/hang", check("sleep 30", 1));

        await().atMost(Duration.ofSeconds(8)).untilAsserted(() ->
                assertThat(result("/cmd/hang", taskId).orElseThrow(() -> new AssertionError("no result yet")).lastFailureCause())
                        .isEqualTo("timeout after 1000 ms"));

        int before = checks.tasksChecked();
        Http.send("DELETE", taskUrl(taskId), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> checks.tasksChecked() == before - 1);
    }
}
