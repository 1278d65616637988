package dev.pacer.scheduler.task.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

/** Which Redis errors mean the status stream's consumer group is gone (and must be created again). */
class TaskStatusConsumerTest {

    @Test
    void noGroup_asSpringWrapsIt_meansTheGroupIsMissing() {
        RedisCommandExecutionException redis = new RedisCommandExecutionException(
                "NOGROUP No such key 'pacer:v1:task-status' or consumer group 'scheduler' in XREADGROUP with GROUP option");

        assertThat(TaskStatusConsumer.groupMissing(new RedisSystemException("Error in execution", redis))).isTrue();
    }

    @Test
    void aBlockedReadWhoseStreamWasDeleted_meansTheGroupIsMissing() {
        RedisCommandExecutionException redis = new RedisCommandExecutionException("UNBLOCKED the stream key no longer exists");

        assertThat(TaskStatusConsumer.groupMissing(new RedisSystemException(redis.getMessage(), redis))).isTrue();
    }

    @Test
    void otherErrors_doNotMeanTheGroupIsMissing() {
        RedisCommandExecutionException wrongType = new RedisCommandExecutionException(
                "WRONGTYPE Operation against a key holding the wrong kind of value");

        assertThat(TaskStatusConsumer.groupMissing(new RedisSystemException(wrongType.getMessage(), wrongType))).isFalse();
        assertThat(TaskStatusConsumer.groupMissing(new RedisConnectionFailureException("Unable to connect"))).isFalse();
        assertThat(TaskStatusConsumer.groupMissing(new IllegalStateException((String) null))).isFalse();
    }
}
