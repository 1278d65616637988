package dev.pacer.scheduler.task.status;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.SchedulerMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
 * {@code claimIdle}. A read that finds the group gone (Redis came back empty) throws
 * {@link GroupMissingException}; {@link #recreateGroup()} brings the group back ({@link TaskStatusLoop} paces both).
 */
public class TaskStatusConsumer {

    private static final Logger log = LoggerFactory.getLogger(TaskStatusConsumer.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final TaskStatusApplier applier;
    private final StatusStream stream;
    private final String consumerName;
    private final Duration claimIdle;
    private final SchedulerMetrics metrics;

    public TaskStatusConsumer(StringRedisTemplate redis, JsonMapper json, TaskStatusApplier applier, StatusStream stream,
                              String consumerName, Duration claimIdle, SchedulerMetrics metrics) {
        this.redis = redis;
        this.json = json;
        this.applier = applier;
        this.stream = stream;
        this.consumerName = consumerName;
        this.claimIdle = claimIdle;
        this.metrics = metrics;
    }

    /** Creates the consumer group (from the start of the stream) unless it exists; true when this call created it. */
    public boolean ensureGroup() {
        try {
            redis.execute(connection -> {
                connection.streamCommands().xGroupCreate(stream.key().getBytes(StandardCharsets.UTF_8),
                        stream.group(), ReadOffset.from("0"), true);
                return null;
            }, true);
            return true;
        } catch (RedisSystemException e) {
            if (!String.valueOf(e.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Creates the group again after a read found it gone: Redis restarted without persistence, was flushed, or failed
     * over to an empty replica. From {@code 0}, as at first, not from {@code $}: the stream now holds only what agents
     * wrote since the loss (their {@code XADD} made it anew), and {@code $} would skip exactly those updates. Where only
     * the group was lost and older entries remain, they are applied again, which {@link TaskStatusApplier} allows (it
     * is idempotent and never lets an older update overwrite a newer one). One WARN and
     * {@code pacer.scheduler.status.group.recreated} per re-creation by this instance; none when another instance
     * re-created it first.
     */
    public boolean recreateGroup() {
        boolean created = ensureGroup();
        if (created) {
            log.warn("Status stream {}: consumer group {} was gone (Redis lost its data?); re-created it from the start "
                    + "of the stream", stream.key(), stream.group());
            metrics.statusGroupRecreated();
        }
        return created;
    }

    /** Reads and applies up to {@code count} new updates, waiting at most {@code block} for the first. */
    @SuppressWarnings("unchecked")
    public int poll(int count, Duration block) {
        List<MapRecord<String, Object, Object>> records = groupCommand(() -> redis.opsForStream().read(
                Consumer.from(stream.group(), consumerName),
                StreamReadOptions.empty().count(count).block(block),
                StreamOffset.create(stream.key(), ReadOffset.lastConsumed())));
        return handle(records);
    }

    /** Takes over updates another consumer read but never acknowledged (it died), and applies them. */
    @SuppressWarnings("unchecked")
    public int claimAbandoned(int count) {
        PendingMessages pending = groupCommand(() -> redis.opsForStream().pending(stream.key(), stream.group(),
                Range.unbounded(), count));
        List<RecordId> stale = pending.stream()
                .filter(p -> p.getElapsedTimeSinceLastDelivery().compareTo(claimIdle) >= 0)
                .map(PendingMessage::getId)
                .toList();
        if (stale.isEmpty()) {
            return 0;
        }
        List<MapRecord<String, Object, Object>> claimed = groupCommand(() -> redis.opsForStream().claim(stream.key(),
                stream.group(), consumerName, claimIdle, stale.toArray(RecordId[]::new)));
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
            // with its group lost meanwhile, XACK acknowledges nothing and does not fail
            redis.opsForStream().acknowledge(stream.key(), stream.group(), record.getId());
        }
        return records.size();
    }

    /** Runs a command of the group, telling a missing stream or group ({@link GroupMissingException}) from other errors. */
    private static <T> T groupCommand(Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException e) {
            if (groupMissing(e)) {
                throw new GroupMissingException(e);
            }
            throw e;
        }
    }

    /**
     * Redis' {@code NOGROUP} (no such key or consumer group), or — from Redis 7 — {@code UNBLOCKED} for a blocked read
     * whose stream was deleted meanwhile: either way the group must be created again.
     */
    static boolean groupMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.startsWith("NOGROUP") || message.startsWith("UNBLOCKED"))) {
                return true;
            }
        }
        return false;
    }

    /** The stream or its consumer group no longer exists (Redis lost its data): {@link #recreateGroup()}, then read on. */
    public static final class GroupMissingException extends RuntimeException {

        GroupMissingException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
