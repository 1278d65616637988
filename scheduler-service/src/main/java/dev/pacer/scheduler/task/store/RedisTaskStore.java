package dev.pacer.scheduler.task.store;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.ids.AppId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TaskStore} in Redis: one key per task, a set of ids per app, a set of ids per agent, all of an app
 * in its slot. An update is a compare-and-set script retried on conflict; many apps are read in two
 * pipelined round trips (their id sets, then the records), never one per app.
 */
public class RedisTaskStore implements TaskStore {

    private static final int MAX_ATTEMPTS = 20;

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final RedisScript<Long> compareAndSet;

    public RedisTaskStore(StringRedisTemplate redis, JsonMapper json, RedisScript<Long> compareAndSet) {
        this.redis = redis;
        this.json = json;
        this.compareAndSet = compareAndSet;
    }

    @Override
    public Optional<TaskRecord> update(AppId app, String taskId, UnaryOperator<TaskRecord> change) {
        String key = RedisKeys.task(app, taskId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String raw = redis.opsForValue().get(key);
            if (raw == null) {
                return Optional.empty();
            }
            TaskRecord current = json.readValue(raw, TaskRecord.class);
            TaskRecord changed = change.apply(current);
            if (changed.equals(current)) {
                return Optional.of(current);
            }
            Long written = redis.execute(compareAndSet, List.of(key), raw, json.writeValueAsString(changed));
            if (written != null && written == 1L) {
                return Optional.of(changed);
            }
        }
        throw new IllegalStateException("task " + taskId + " changed " + MAX_ATTEMPTS + " times while being updated");
    }

    @Override
    public void save(TaskRecord task) {
        AppId app = task.app();
        redis.opsForValue().set(RedisKeys.task(app, task.taskId()), json.writeValueAsString(task));
        redis.opsForSet().add(RedisKeys.appTasks(app), task.taskId());
        redis.opsForSet().add(RedisKeys.agentTasks(task.agentId()), task.taskId());
    }

    @Override
    public Optional<TaskRecord> find(AppId app, String taskId) {
        String raw = redis.opsForValue().get(RedisKeys.task(app, taskId));
        return Optional.ofNullable(raw).map(r -> json.readValue(r, TaskRecord.class));
    }

    @Override
    public List<TaskRecord> ofApp(AppId app) {
        Set<String> ids = redis.opsForSet().members(RedisKeys.appTasks(app));
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(id -> RedisKeys.task(app, id)).toList();
        List<String> raws = redis.opsForValue().multiGet(keys);
        List<TaskRecord> tasks = new ArrayList<>();
        if (raws != null) {
            for (String raw : raws) {
                if (raw != null) {
                    tasks.add(json.readValue(raw, TaskRecord.class));
                }
            }
        }
        return tasks;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<AppId, List<TaskRecord>> ofApps(List<AppId> apps) {
        Map<AppId, List<TaskRecord>> result = new LinkedHashMap<>();
        apps.forEach(app -> result.put(app, new ArrayList<>()));
        if (apps.isEmpty()) {
            return result;
        }
        List<Object> idSets = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (AppId app : apps) {
                connection.setCommands().sMembers(RedisKeys.appTasks(app).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<String> keys = new ArrayList<>();
        List<AppId> owners = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            for (String id : (Set<String>) idSets.get(i)) {
                keys.add(RedisKeys.task(apps.get(i), id));
                owners.add(apps.get(i));
            }
        }
        if (keys.isEmpty()) {
            return result;
        }
        List<String> raws = redis.opsForValue().multiGet(keys);
        for (int i = 0; raws != null && i < raws.size(); i++) {
            if (raws.get(i) != null) {
                result.get(owners.get(i)).add(json.readValue(raws.get(i), TaskRecord.class));
            }
        }
        return result;
    }

    @Override
    public Set<String> idsOnAgent(String agentId) {
        Set<String> ids = redis.opsForSet().members(RedisKeys.agentTasks(agentId));
        return ids == null ? Set.of() : ids;
    }

    @Override
    public void delete(TaskRecord task) {
        AppId app = task.app();
        redis.delete(RedisKeys.task(app, task.taskId()));
        redis.opsForSet().remove(RedisKeys.appTasks(app), task.taskId());
        redis.opsForSet().remove(RedisKeys.agentTasks(task.agentId()), task.taskId());
        String health = HealthKeys.taskHealth(app);
        Object[] fields = redis.opsForHash().keys(health).stream()
                .filter(f -> HealthKeys.taskIdOf(f.toString()).equals(task.taskId()))
                .toArray();
        if (fields.length > 0) {
            redis.opsForHash().delete(health, fields);
        }
    }
}
