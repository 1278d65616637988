package dev.pacer.scheduler.health;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.redis.RedisHashes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current health of tasks, as health-service and the agents wrote it ({@link HealthKeys#taskHealth}):
 * read per app (one hash in the app's slot), or for many apps in one pipelined round trip; fields of
 * tasks that no longer have a record are deleted here.
 */
public class TaskHealthStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public TaskHealthStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** Results of one app, by task id, ordered by check index. */
    public Map<String, List<HealthResult>> ofApp(AppId app) {
        return parse(redis.<String, String>opsForHash().entries(HealthKeys.taskHealth(app)));
    }

    /** Results of many apps in one pipelined round trip. */
    public Map<AppId, Map<String, List<HealthResult>>> ofApps(Collection<AppId> apps) {
        List<AppId> ordered = List.copyOf(apps);
        List<Map<String, String>> hashes = RedisHashes.getAll(redis, ordered.stream().map(HealthKeys::taskHealth).toList());
        Map<AppId, Map<String, List<HealthResult>>> result = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            result.put(ordered.get(i), parse(hashes.get(i)));
        }
        return result;
    }

    /** Deletes the health fields of tasks not in {@code live} (expunged tasks, or results written after they ended). */
    public void retainOnly(AppId app, Collection<String> live, Map<String, List<HealthResult>> current) {
        List<Object> stale = new ArrayList<>();
        current.forEach((taskId, results) -> {
            if (!live.contains(taskId)) {
                results.forEach(r -> stale.add(HealthKeys.field(taskId, r.checkIndex())));
            }
        });
        if (!stale.isEmpty()) {
            redis.opsForHash().delete(HealthKeys.taskHealth(app), stale.toArray());
        }
    }

    /** The figures of every health-service instance (fresh or not). */
    public List<CheckerStats> checkerStats() {
        List<CheckerStats> stats = new ArrayList<>();
        for (Object raw : redis.opsForHash().values(HealthKeys.CHECKER_STATS)) {
            try {
                stats.add(json.readValue(raw.toString(), CheckerStats.class));
            } catch (RuntimeException ignored) {
                // not readable: ignored
            }
        }
        return stats;
    }

    private Map<String, List<HealthResult>> parse(Map<String, String> fields) {
        Map<String, List<HealthResult>> byTask = new HashMap<>();
        if (fields == null) {
            return byTask;
        }
        fields.forEach((field, raw) -> {
            try {
                HealthResult r = json.readValue(raw, HealthResult.class);
                byTask.computeIfAbsent(HealthKeys.taskIdOf(field), t -> new ArrayList<>()).add(r);
            } catch (RuntimeException ignored) {
                // an unreadable result counts as none
            }
        });
        byTask.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(HealthResult::checkIndex)));
        return byTask;
    }
}
