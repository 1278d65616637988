package dev.pacer.health.target;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what to check from the scheduler's state in Redis (keys of {@link RedisKeys}): app ids, app
 * definitions, task sets and task records, the definitions of older versions that running tasks were
 * launched with, and the current results of checks this instance adopts. Every read is pipelined or
 * batched: a full read costs a handful of round trips, not one per app.
 */
public final class TaskDirectory {

    private static final int BATCH = 1000;

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public TaskDirectory(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** Every app id the scheduler knows. */
    public List<String> appIds() {
        Set<String> ids = redis.opsForZSet().range(RedisKeys.APPS, 0, -1);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** The checks of the running tasks of {@code apps} (apps without checker checks map to an empty list). */
    public Map<String, List<CheckTarget>> load(List<String> apps) {
        Map<String, List<CheckTarget>> result = new LinkedHashMap<>();
        for (int from = 0; from < apps.size(); from += BATCH) {
            result.putAll(loadBatch(apps.subList(from, Math.min(apps.size(), from + BATCH))));
        }
        return result;
    }

    private Map<String, List<CheckTarget>> loadBatch(List<String> apps) {
        Map<String, List<CheckTarget>> result = new LinkedHashMap<>();
        List<String> definitions = redis.opsForValue().multiGet(apps.stream().map(id -> RedisKeys.app(AppId.parse(id))).toList());
        List<String> checked = new ArrayList<>();
        Map<String, JsonNode> defs = new HashMap<>();
        for (int i = 0; i < apps.size(); i++) {
            result.put(apps.get(i), List.of());
            String raw = definitions == null ? null : definitions.get(i);
            if (raw != null) {
                JsonNode def = json.readTree(raw);
                if (TargetResolver.hasCheckerChecks(def)) {
                    checked.add(apps.get(i));
                    defs.put(apps.get(i), def);
                }
            }
        }
        if (checked.isEmpty()) {
            return result;
        }
        List<Object> idSets = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (String app : checked) {
                connection.setCommands().sMembers(bytes(RedisKeys.appTasks(AppId.parse(app))));
            }
            return null;
        });
        List<String> taskKeys = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            @SuppressWarnings("unchecked")
            Set<String> ids = (Set<String>) idSets.get(i);
            for (String id : ids) {
                taskKeys.add(RedisKeys.task(AppId.parse(checked.get(i)), id));
                owners.add(checked.get(i));
            }
        }
        Map<String, List<CheckTarget>> targets = new HashMap<>();
        Map<String, JsonNode> versions = new HashMap<>();
        for (int from = 0; from < taskKeys.size(); from += BATCH) {
            List<String> raws = redis.opsForValue().multiGet(taskKeys.subList(from, Math.min(taskKeys.size(), from + BATCH)));
            for (int i = 0; raws != null && i < raws.size(); i++) {
                if (raws.get(i) == null) {
                    continue;
                }
                String app = owners.get(from + i);
                JsonNode task = json.readTree(raws.get(i));
                JsonNode def = definitionFor(app, defs.get(app), task.path("version").asString(null), versions);
                targets.computeIfAbsent(app, a -> new ArrayList<>()).addAll(TargetResolver.targets(def, task));
            }
        }
        result.putAll(targets);
        return result;
    }

    /** The definition of the version the task runs (older versions are read once per pass), else the current one. */
    private JsonNode definitionFor(String app, JsonNode current, String version, Map<String, JsonNode> versions) {
        if (version == null || version.equals(current.path("version").asString(null))) {
            return current;
        }
        return versions.computeIfAbsent(app + " " + version, k -> {
            String raw = redis.opsForValue().get(RedisKeys.appVersion(AppId.parse(app), version));
            return raw == null ? current : json.readTree(raw);
        });
    }

    /** Current results of some checks of one app (to carry counts over when this instance adopts them). */
    public Map<String, HealthResult> results(String app, List<String> fields) {
        Map<String, HealthResult> found = new HashMap<>();
        if (fields.isEmpty()) {
            return found;
        }
        List<Object> raws = redis.opsForHash().multiGet(HealthKeys.taskHealth(AppId.parse(app)), new ArrayList<Object>(fields));
        for (int i = 0; i < fields.size(); i++) {
            Object raw = raws.get(i);
            if (raw != null) {
                try {
                    found.put(fields.get(i), json.readValue(raw.toString(), HealthResult.class));
                } catch (RuntimeException ignored) {
                    // unreadable: start over
                }
            }
        }
        return found;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
