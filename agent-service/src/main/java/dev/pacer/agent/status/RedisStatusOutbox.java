package dev.pacer.agent.status;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.TaskStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends status updates to {@link RedisKeys#TASK_STATUS_STREAM} in the order they were reported,
 * from one thread. While Redis is unreachable they wait in a bounded in-memory outbox (the oldest are
 * dropped beyond its capacity) and are retried every {@code retryInterval}; an update may be appended
 * twice (at-least-once), never reordered.
 */
public final class RedisStatusOutbox implements StatusReporter, AutoCloseable {

    static final long STREAM_MAX_LENGTH = 100_000;
    private static final Logger log = LoggerFactory.getLogger(RedisStatusOutbox.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration retryInterval;
    private final LinkedBlockingDeque<TaskStatus> outbox;
    private final ScheduledExecutorService sender;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean failing;

    public RedisStatusOutbox(StringRedisTemplate redis, JsonMapper json, int capacity, Duration retryInterval) {
        this.redis = redis;
        this.json = json;
        this.retryInterval = retryInterval;
        this.outbox = new LinkedBlockingDeque<>(capacity);
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-agent-status");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void report(TaskStatus status) {
        while (!outbox.offerLast(status)) {
            TaskStatus dropped = outbox.pollFirst();
            if (dropped != null) {
                log.warn("Status outbox full; dropped {} of task {}", dropped.state(), dropped.taskId());
            }
        }
        if (!failing) {
            schedule(0);
        }
    }

    /** Updates not yet appended to the stream. */
    public int pending() {
        return outbox.size();
    }

    private void schedule(long delayMillis) {
        if (scheduled.compareAndSet(false, true)) {
            try {
                sender.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        TaskStatus next;
        while ((next = outbox.peekFirst()) != null) {
            try {
                append(next);
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Cannot append task status updates to Redis; keeping them ({} pending): {}",
                            outbox.size(), e.toString());
                    failing = true;
                }
                schedule(retryInterval.toMillis());
                return;
            }
            outbox.remove(next);
            if (failing) {
                log.info("Redis reachable again; sending {} pending task status updates", outbox.size());
                failing = false;
            }
        }
    }

    private void append(TaskStatus status) {
        redis.opsForStream().add(RedisKeys.TASK_STATUS_STREAM,
                Map.of(RedisKeys.TASK_STATUS_FIELD, json.writeValueAsString(status)),
                XAddOptions.maxlen(STREAM_MAX_LENGTH).approximateTrimming(true));
    }

    /** Tries once more to send what is pending, then stops; whatever is left is lost with the process. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(2, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!outbox.isEmpty()) {
            log.warn("{} task status updates were not sent before shutdown; recovery re-reports current states", outbox.size());
        }
    }
}
