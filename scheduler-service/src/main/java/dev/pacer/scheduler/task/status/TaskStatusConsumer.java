package dev.pacer.scheduler.task.status;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads agents' status updates from the Redis stream as a member of the scheduler consumer group and
 * acknowledges each after applying it. Updates written while no scheduler ran are read when one
 * starts; those read by an instance that died before acknowledging are claimed by another after
 * {@code claimIdle}.
 */
public class TaskStatusConsumer {

    private static final Logger log = LoggerFactory.getLogger(TaskStatusConsumer.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final TaskStatusApplier applier;
    private final String consumerName;
    private final Duration claimIdle;

    public TaskStatusConsumer(StringRedisTemplate redis, JsonMapper json, TaskStatusApplier applier,
                              String consumerName, Duration claimIdle) {
        this.redis = redis;
        this.json = json;
        this.applier = applier;
        this.consumerName = consumerName;
        this.claimIdle = claimIdle;
    }

    /** Creates the consumer group (from the start of the stream) unless it exists. */
    public void ensureGroup() {
        try {
            redis.execute(connection -> {
                connection.streamCommands().xGroupCreate(RedisKeys.TASK_STATUS_STREAM.getBytes(StandardCharsets.UTF_8),
                        RedisKeys.TASK_STATUS_GROUP, ReadOffset.from("0"), true);
                return null;
            }, true);
        } catch (RedisSystemException e) {
            if (!String.valueOf(e.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Reads and applies up to {@code count} new updates, waiting at most {@code block} for the first. */
    @SuppressWarnings("unchecked")
    public int poll(int count, Duration block) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                Consumer.from(RedisKeys.TASK_STATUS_GROUP, consumerName),
                StreamReadOptions.empty().count(count).block(block),
                StreamOffset.create(RedisKeys.TASK_STATUS_STREAM, ReadOffset.lastConsumed()));
        return handle(records);
    }

    /** Takes over updates another consumer read but never acknowledged (it died), and applies them. */
    @SuppressWarnings("unchecked")
    public int claimAbandoned(int count) {
        PendingMessages pending = redis.opsForStream().pending(RedisKeys.TASK_STATUS_STREAM, RedisKeys.TASK_STATUS_GROUP,
                Range.unbounded(), count);
        List<RecordId> stale = pending.stream()
                .filter(p -> p.getElapsedTimeSinceLastDelivery().compareTo(claimIdle) >= 0)
                .map(PendingMessage::getId)
                .toList();
        if (stale.isEmpty()) {
            return 0;
        }
        List<MapRecord<String, Object, Object>> claimed = redis.opsForStream().claim(RedisKeys.TASK_STATUS_STREAM,
                RedisKeys.TASK_STATUS_GROUP, consumerName, claimIdle,
                stale.toArray(RecordId[]::new));
        return handle(claimed);
    }

    private int handle(List<MapRecord<String, Object, Object>> records) {
        if (records == null) {
            return 0;
        }
        for (MapRecord<String, Object, Object> record : records) {
            Object raw = record.getValue().get(RedisKeys.TASK_STATUS_FIELD);
            TaskStatus status = null;
            try {
                status = raw == null ? null : json.readValue(raw.toString(), TaskStatus.class);
            } catch (JacksonException e) {
                log.warn("Dropping a malformed status update {}", record.getId());
            }
            if (status != null) {
                // a failure here leaves the update unacknowledged: it is applied again once claimed back
                applier.apply(status);
            }
            redis.opsForStream().acknowledge(RedisKeys.TASK_STATUS_STREAM, RedisKeys.TASK_STATUS_GROUP, record.getId());
        }
        return records.size();
    }
}
