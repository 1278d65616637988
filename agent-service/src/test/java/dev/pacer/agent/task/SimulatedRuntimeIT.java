package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.AgentApplication;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SIMULATED runtime (scale benchmarks only): same REST API and status stream, no process at all.
 * Its own agent id and work dir, so that it never meets the checkpoints of the process-runtime tests.
 */
@SpringBootTest(classes = AgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.agent.host=localhost", "pacer.agent.attributes.rack=r7", "pacer.agent.runtime=simulated"})
class SimulatedRuntimeIT {

    private static final String AGENT_ID = "sim-agent-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Path WORK_DIR = TestTasks.tempDir("pacer-agent-sim-it");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void agent(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("pacer.agent.work-dir", WORK_DIR::toString);
        registry.add("pacer.agent.id", () -> AGENT_ID);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void simulatedLaunch_reportsRunningWithoutAnyProcess_andKillReportsKilled() {
        String id = TestTasks.newTaskId("/sim");
        Path proof = WORK_DIR.resolve("ran-" + id);
        Http.Response launched = Http.send("POST", url(ApiPaths.AGENT_TASKS),
                JSON.writeValueAsString(TestTasks.cmd(id, "/sim", "touch " + proof + "; exec sleep 30")));

        assertThat(launched.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> states(id).contains(TaskState.TASK_RUNNING));
        AgentTask running = task(id);
        assertThat(running.state()).isEqualTo(TaskState.TASK_RUNNING);
        assertThat(running.pid()).isNull();
        assertThat(running.startedAt()).isNotNull();
        assertThat(Path.of(running.sandbox())).doesNotExist();
        assertThat(proof).doesNotExist();

        Http.Response killing = Http.send("DELETE", taskUrl(id), null);

        assertThat(killing.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> task(id).state() == TaskState.TASK_KILLED);
        await().atMost(Duration.ofSeconds(5)).until(() -> states(id).contains(TaskState.TASK_KILLED));
        assertThat(states(id)).containsExactly(TaskState.TASK_STAGING, TaskState.TASK_RUNNING,
                TaskState.TASK_KILLING, TaskState.TASK_KILLED);
        assertThat(proof).doesNotExist();
        assertThat(Files.exists(WORK_DIR.resolve("sandboxes"))).isFalse();
    }

    @Test
    void simulatedAgent_saysSoInItsAttributes() {
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.opsForHash().get(RedisKeys.agent(AGENT_ID), "info") != null);

        AgentInfo info = JSON.readValue((String) redis.opsForHash().get(RedisKeys.agent(AGENT_ID), "info"), AgentInfo.class);

        assertThat(info.attributes()).isEqualTo(Map.of("rack", "r7", "pacer.runtime", "simulated", "isolation", "none"));
    }

    private List<TaskState> states(String taskId) {
        return redis.opsForStream().range(RedisKeys.TASK_STATUS_STREAM, Range.unbounded()).stream()
                .map(r -> JSON.readValue((String) r.getValue().get(RedisKeys.TASK_STATUS_FIELD), TaskStatus.class))
                .filter(s -> s.taskId().equals(taskId))
                .map(TaskStatus::state)
                .toList();
    }

    private AgentTask task(String taskId) {
        return JSON.readValue(Http.get(taskUrl(taskId)).body(), AgentTask.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String taskUrl(String taskId) {
        return url(ApiPaths.AGENT_TASK.replace("{taskId}", taskId));
    }
}
