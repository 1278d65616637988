package dev.pacer.health.support;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Writes apps and running tasks into Redis as the scheduler does (its keys and JSON), and reads results back. */
public final class SchedulerState {

    public static final String VERSION = "2026-01-01T00:00:00.000Z";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;

    public SchedulerState(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** An app with the given {@code healthChecks} JSON array. */
    public void app(String id, String healthChecks) {
        AppId app = AppId.parse(id);
        redis.opsForValue().set(RedisKeys.app(app), "{\"id\":\"" + app + "\",\"cmd\":\"x\",\"version\":\"" + VERSION
                + "\",\"healthChecks\":" + healthChecks + "}");
        redis.opsForZSet().add(RedisKeys.APPS, app.toString(), 0);
    }

    /** A task of the app running on localhost with these ports, started at {@code startedAt}; answers its id. */
    public String runningTask(String id, List<Integer> ports, Instant startedAt) {
        AppId app = AppId.parse(id);
        String taskId = TaskId.newTask(app).toString();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("taskId", taskId);
        task.put("appId", app.toString());
        task.put("agentId", "agent-1");
        task.put("host", "localhost");
        task.put("state", "TASK_RUNNING");
        task.put("version", VERSION);
        task.put("ports", ports);
        task.put("stagedAt", startedAt.toString());
        task.put("startedAt", startedAt.toString());
        redis.opsForValue().set(RedisKeys.task(app, taskId), JSON.writeValueAsString(task));
        redis.opsForSet().add(RedisKeys.appTasks(app), taskId);
        redis.convertAndSend(RedisKeys.APP_HINTS, app.toString());
        return taskId;
    }

    public Optional<HealthResult> result(String id, String taskId, int checkIndex) {
        Object raw = redis.opsForHash().get(HealthKeys.taskHealth(AppId.parse(id)), HealthKeys.field(taskId, checkIndex));
        return Optional.ofNullable(raw).map(r -> JSON.readValue(r.toString(), HealthResult.class));
    }
}
