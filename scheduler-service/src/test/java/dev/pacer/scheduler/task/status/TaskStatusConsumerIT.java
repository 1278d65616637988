package dev.pacer.scheduler.task.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.MicrometerSchedulerMetrics;
import dev.pacer.scheduler.support.RedisTestTemplates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status stream consumer and its loop against a real Redis, on a stream and group of their own (outside the Pacer
 * key prefix, so no other test's scheduler reads it and no other test's flush deletes it): after the stream and its
 * group are gone — as when Redis comes back empty — an update written afterwards is still applied, and while the
 * group keeps disappearing the consumer does not spin.
 */
class TaskStatusConsumerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WINDOW = Duration.ofSeconds(3);
    /** Redis commands the consumer may send in {@link #WINDOW} while its group keeps vanishing; a spin sends thousands. */
    private static final int MAX_CALLS_IN_WINDOW = 30;

    private final RedisTestTemplates templates = new RedisTestTemplates();
    private final StatusStream stream = new StatusStream("it:task-status:" + UUID.randomUUID(), "scheduler-it");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingApplier applied = new RecordingApplier();
    private final ScheduledExecutorService deleter = Executors.newSingleThreadScheduledExecutor();
    private StringRedisTemplate redis;
    private CountingTemplate consumerRedis;
    private volatile boolean running = true;
    private Thread loop;

    @BeforeEach
    void start() {
        redis = templates.template();
        consumerRedis = new CountingTemplate(templates.template().getConnectionFactory());
        TaskStatusConsumer consumer = new TaskStatusConsumer(consumerRedis, JSON, applied, stream, "it-consumer",
                Duration.ofSeconds(30), new MicrometerSchedulerMetrics(registry));
        loop = new Thread(new TaskStatusLoop(consumer, () -> running), "it-status-consumer");
        loop.setDaemon(true);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(redis.hasKey(stream.key())));
    }

    @AfterEach
    void stop() throws InterruptedException {
        deleter.shutdownNow();
        running = false;
        loop.interrupt();
        loop.join(5000);
        redis.delete(stream.key());
        templates.close();
    }

    @Test
    void anUpdateWrittenAfterTheStreamAndItsGroupAreGone_isApplied() {
        TaskStatus before = status(TaskState.TASK_STAGING, 1);
        append(before);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.statuses.contains(before));

        redis.delete(stream.key()); // what a Redis restarted without persistence, or flushed, shows
        TaskStatus after = status(TaskState.TASK_RUNNING, 2);
        append(after); // the agent's XADD makes the stream anew, without the group

        await().atMost(Duration.ofSeconds(5)).until(() -> applied.statuses.contains(after));
        assertThat(applied.statuses).containsExactly(before, after);
        assertThat(recreated()).isEqualTo(1.0);
    }

    @Test
    void whileTheGroupKeepsVanishing_theConsumerPausesBetweenAttempts_andReadsOnOnceItStays() throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(() -> consumerRedis.calls.get() > 0);
        deleter.scheduleAtFixedRate(() -> redis.delete(stream.key()), 0, 2, TimeUnit.MILLISECONDS);
        int start = consumerRedis.calls.get();

        await("at most " + MAX_CALLS_IN_WINDOW + " Redis commands from the consumer in " + WINDOW)
                .during(WINDOW).atMost(WINDOW.plusSeconds(2))
                .until(() -> consumerRedis.calls.get() - start <= MAX_CALLS_IN_WINDOW);
        assertThat(consumerRedis.calls.get() - start).as("it keeps trying").isGreaterThan(1);
        assertThat(recreated()).isGreaterThanOrEqualTo(1.0);

        deleter.shutdownNow();
        assertThat(deleter.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        TaskStatus update = status(TaskState.TASK_RUNNING, 3);
        append(update);
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.statuses.contains(update));
    }

    private void append(TaskStatus status) {
        redis.opsForStream().add(stream.key(), Map.of(RedisKeys.TASK_STATUS_FIELD, JSON.writeValueAsString(status)));
    }

    private double recreated() {
        return registry.get("pacer.scheduler.status.group.recreated").counter().count();
    }

    private static TaskStatus status(TaskState state, int second) {
        TaskId task = TaskId.newTask(AppId.parse("/it/status"));
        return new TaskStatus(task.toString(), task.appId().toString(), "agent-it", state, "",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), "127.0.0.1", List.of(), null);
    }

    /** Keeps what it is asked to apply (no task store behind it). */
    private static final class RecordingApplier extends TaskStatusApplier {

        private final List<TaskStatus> statuses = new CopyOnWriteArrayList<>();

        RecordingApplier() {
            super(null, null);
        }

        @Override
        public void apply(TaskStatus status) {
            statuses.add(status);
        }
    }

    /** A template that counts the Redis commands sent through it (every stream operation is one callback). */
    private static final class CountingTemplate extends StringRedisTemplate {

        private final AtomicInteger calls = new AtomicInteger();

        CountingTemplate(RedisConnectionFactory factory) {
            super(factory);
        }

        @Override
        public <T> T execute(RedisCallback<T> action, boolean exposeConnection, boolean pipeline) {
            calls.incrementAndGet();
            return super.execute(action, exposeConnection, pipeline);
        }
    }
}
