package dev.pacer.scheduler.task.status;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.TaskFailure;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Clock;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each app's {@code lastTaskFailure} (Marathon's AppInfo field): the last task that failed on its own
 * ({@code TASK_FAILED}, {@code TASK_ERROR}, {@code TASK_GONE}, {@code TASK_DROPPED}; a kill is no failure),
 * one Redis key per app, written on the transition and deleted with the app.
 */
public class LastTaskFailures implements TaskTransitions {

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;

    public LastTaskFailures(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void changed(TaskRecord before, TaskRecord after) {
        if (!after.state().isFailure() || after.killRequested() || before != null && before.state() == after.state()) {
            return;
        }
        TaskFailure failure = new TaskFailure(after.appId(), after.host(), after.message(), after.state().name(),
                after.taskId(), Timestamp.of(after.statusAt() != null ? after.statusAt() : clock.instant()),
                version(after.version()), after.agentId());
        redis.opsForValue().set(RedisKeys.appLastTaskFailure(after.app()), json.writeValueAsString(failure));
    }

    @Override
    public void unknownTask(AppId app, TaskStatus status) {
        // a task without a record belongs to no app the API shows
    }

    /** The app's last task failure, if one was recorded (an unreadable record counts as none). */
    public Optional<TaskFailure> of(AppId app) {
        String stored = redis.opsForValue().get(RedisKeys.appLastTaskFailure(app));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, TaskFailure.class));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Timestamp version(String version) {
        try {
            return version == null ? null : Timestamp.parse(version);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
