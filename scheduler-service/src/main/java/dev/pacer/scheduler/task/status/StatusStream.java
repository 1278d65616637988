package dev.pacer.scheduler.task.status;

import dev.pacer.contract.RedisKeys;
import java.util.Objects;

/**
 * The stream a {@link TaskStatusConsumer} reads and the consumer group it reads it in: the wire contract's in
 * production, a test's own in an integration test (so no other test's scheduler takes its updates).
 */
public record StatusStream(String key, String group) {

    /** The agents' status stream and the schedulers' group ({@link RedisKeys#TASK_STATUS_STREAM}). */
    public static final StatusStream TASK_STATUS = new StatusStream(RedisKeys.TASK_STATUS_STREAM, RedisKeys.TASK_STATUS_GROUP);

    public StatusStream {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(group, "group");
    }
}
