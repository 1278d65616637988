package dev.pacer.agent.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.testsupport.EmbeddedRedis;
import dev.pacer.testsupport.FreePorts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Status updates survive a Redis outage: kept in order in the outbox, appended once Redis is back. */
class RedisStatusOutboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port = FreePorts.next();
    private final LettuceConnectionFactory factory = new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", port),
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
    private EmbeddedRedis server;
    private RedisStatusOutbox outbox;

    @AfterEach
    void stop() {
        if (outbox != null) {
            outbox.close();
        }
        factory.destroy();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void updatesReportedWhileRedisIsDown_areAppendedInOrder_onceItIsBack() {
        StringRedisTemplate redis = redis();
        outbox = new RedisStatusOutbox(redis, JSON, 100, Duration.ofMillis(100));

        outbox.report(status("t1", TaskState.TASK_STAGING));
        outbox.report(status("t1", TaskState.TASK_RUNNING));
        outbox.report(status("t1", TaskState.TASK_FINISHED));

        assertThat(outbox.pending()).isEqualTo(3);
        server = EmbeddedRedis.start(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertThat(stream(redis)).extracting(TaskStatus::state)
                .containsExactly(TaskState.TASK_STAGING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
    }

    @Test
    void fullOutbox_dropsTheOldestUpdates() {
        StringRedisTemplate redis = redis();
        outbox = new RedisStatusOutbox(redis, JSON, 2, Duration.ofMillis(100));

        outbox.report(status("t1", TaskState.TASK_STAGING));
        outbox.report(status("t1", TaskState.TASK_RUNNING));
        outbox.report(status("t1", TaskState.TASK_FAILED));

        assertThat(outbox.pending()).isEqualTo(2);
        server = EmbeddedRedis.start(port);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        assertThat(stream(redis)).extracting(TaskStatus::state)
                .containsExactly(TaskState.TASK_RUNNING, TaskState.TASK_FAILED);
    }

    private StringRedisTemplate redis() {
        factory.afterPropertiesSet();
        factory.start();
        return new StringRedisTemplate(factory);
    }

    private static List<TaskStatus> stream(StringRedisTemplate redis) {
        return redis.opsForStream().range(RedisKeys.TASK_STATUS_STREAM, Range.unbounded()).stream()
                .map(r -> JSON.readValue((String) r.getValue().get(RedisKeys.TASK_STATUS_FIELD), TaskStatus.class))
                .toList();
    }

    private static TaskStatus status(String taskId, TaskState state) {
        return new TaskStatus(taskId, "/app", "a1", state, "", Instant.now(), "h", List.of(), null);
    }
}
