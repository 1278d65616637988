package dev.pacer.agent.support;

import dev.pacer.agent.AgentApplication;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One agent on a real port, against a real Redis, with a temporary work dir and short timings. Test
 * classes extending it share one application context. Every task started is killed (as a group) after
 * the class: the agent itself never kills tasks on shutdown.
 */
@SpringBootTest(classes = AgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.agent.host=localhost", "pacer.agent.zone=z1", "pacer.agent.region=r1",
                "pacer.agent.attributes.rack=r7", "pacer.agent.heartbeat-interval=200ms",
                "pacer.agent.kill-grace-period=1s", "pacer.agent.status-retry-interval=200ms",
                // process tasks only, on any machine: Docker tasks are DockerTaskIT's (its own agent process)
                "pacer.agent.docker.enabled=false"})
public abstract class AgentApiTestBase {

    protected static final String AGENT_ID = "it-agent-" + UUID.randomUUID().toString().substring(0, 8);
    protected static final Path WORK_DIR = TestTasks.tempDir("pacer-agent-it");
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void agent(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("pacer.agent.work-dir", WORK_DIR::toString);
        registry.add("pacer.agent.id", () -> AGENT_ID);
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected StringRedisTemplate redis;

    @AfterAll
    static void killEveryTaskStarted() {
        TestTasks.killAllCheckpointed(WORK_DIR);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected String taskUrl(String taskId) {
        return url(ApiPaths.AGENT_TASK.replace("{taskId}", taskId));
    }

    protected Http.Response launch(Map<String, Object> request) {
        return Http.send("POST", url(ApiPaths.AGENT_TASKS), JSON.writeValueAsString(request));
    }

    protected AgentTask task(String taskId) {
        Http.Response response = Http.get(taskUrl(taskId));
        if (response.status() != 200) {
            throw new AssertionError("GET task " + taskId + " answered " + response.status() + ": " + response.body());
        }
        return JSON.readValue(response.body(), AgentTask.class);
    }

    /** Every status update of {@code taskId} in the stream, oldest first (XRANGE). */
    protected List<TaskStatus> statuses(String taskId) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(RedisKeys.TASK_STATUS_STREAM, Range.unbounded());
        return records.stream()
                .map(r -> JSON.readValue((String) r.getValue().get(RedisKeys.TASK_STATUS_FIELD), TaskStatus.class))
                .filter(s -> s.taskId().equals(taskId))
                .toList();
    }

    protected static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
