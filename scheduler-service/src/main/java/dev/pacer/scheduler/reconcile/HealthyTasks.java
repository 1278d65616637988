package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which of an app's tasks count as healthy: running, and — when the app has health checks — alive
 * in every one of them (results in {@link HealthKeys#taskHealth}, one read per app).
 */
public class HealthyTasks {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public HealthyTasks(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public Set<String> of(AppSpec spec, List<TaskRecord> tasks) {
        Set<String> healthy = new HashSet<>();
        List<TaskRecord> running = tasks.stream().filter(t -> t.state() == TaskState.TASK_RUNNING).toList();
        if (running.isEmpty()) {
            return healthy;
        }
        int checks = spec.healthChecks().size();
        if (checks == 0) {
            running.forEach(t -> healthy.add(t.taskId()));
            return healthy;
        }
        Map<Object, Object> results = redis.opsForHash().entries(HealthKeys.taskHealth(spec.id()));
        for (TaskRecord task : running) {
            boolean alive = true;
            for (int i = 0; i < checks && alive; i++) {
                Object raw = results.get(HealthKeys.field(task.taskId(), i));
                alive = raw != null && json.readValue(raw.toString(), HealthResult.class).alive();
            }
            if (alive) {
                healthy.add(task.taskId());
            }
        }
        return healthy;
    }
}
