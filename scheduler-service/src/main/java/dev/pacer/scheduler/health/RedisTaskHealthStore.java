package dev.pacer.scheduler.health;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.redis.RedisHashes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TaskHealthStore} in Redis ({@link HealthKeys#taskHealth}): one hash per app in the app's slot,
 * many apps read in one pipelined round trip.
 */
public class RedisTaskHealthStore implements TaskHealthStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisTaskHealthStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Map<String, List<HealthResult>> ofApp(AppId app) {
        return parse(redis.<String, String>opsForHash().entries(HealthKeys.taskHealth(app)));
    }

    @Override
    public Map<AppId, Map<String, List<HealthResult>>> ofApps(Collection<AppId> apps) {
        List<AppId> ordered = List.copyOf(apps);
        List<Map<String, String>> hashes = RedisHashes.getAll(redis, ordered.stream().map(HealthKeys::taskHealth).toList());
        Map<AppId, Map<String, List<HealthResult>>> result = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            result.put(ordered.get(i), parse(hashes.get(i)));
        }
        return result;
    }

    @Override
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

    @Override
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
        byTask.values().forEach(list -> list.sort(Comparator.comparingInt(HealthResult::checkIndex)));
        return byTask;
    }
}
