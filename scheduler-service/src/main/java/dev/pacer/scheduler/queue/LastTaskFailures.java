package dev.pacer.scheduler.queue;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last task of each app that failed on its own (not killed), as Marathon shows it in
 * {@code lastTaskFailure} — in {@code /v2/apps/{id}} and the app of a {@code /v2/queue} entry — so that
 * "why does my app not start" (a missing image, a refused launch) has an answer. One key per app
 * ({@link RedisKeys#appLastFailure}), overwritten by each failure, deleted with the app.
 */
public class LastTaskFailures {

    /**
     * Marathon's {@code lastTaskFailure}: {@code slaveId} is the agent's id, {@code timestamp} when it
     * failed, {@code version} the app version the task ran.
     */
    public record TaskFailure(String appId, String host, String message, String state, String taskId,
                              String timestamp, String version, String slaveId) {

        public static TaskFailure of(TaskRecord task) {
            return new TaskFailure(task.appId(), task.host(), task.message(), task.state().name(), task.taskId(),
                    Timestamp.format(task.statusAt()), task.version(), task.agentId());
        }
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public LastTaskFailures(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public void record(TaskRecord failed) {
        redis.opsForValue().set(RedisKeys.appLastFailure(failed.app()), json.writeValueAsString(TaskFailure.of(failed)));
    }

    public Optional<TaskFailure> find(AppId app) {
        String stored = redis.opsForValue().get(RedisKeys.appLastFailure(app));
        return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, TaskFailure.class));
    }
}
