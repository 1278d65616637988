package dev.pacer.scheduler.queue;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apps waiting for launches ({@code GET /v2/queue}): how many tasks are missing, since when, and why
 * the last placement declined (reason → number of agents). Written by the app's reconciler when a
 * launch cannot happen, removed when nothing is missing; any API instance can read it.
 */
public class RedisQueueStore implements QueueStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisQueueStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void waiting(AppId app, int count, Map<String, Integer> declines, Instant now) {
        Instant since = find(app).map(Entry::since).orElse(now);
        Entry entry = new Entry(app.toString(), count, since, new LinkedHashMap<>(declines));
        redis.opsForValue().set(key(app), json.writeValueAsString(entry));
        redis.opsForZSet().add(RedisKeys.QUEUE, app.toString(), 0);
    }

    @Override
    public void done(AppId app) {
        redis.delete(key(app));
        redis.opsForZSet().remove(RedisKeys.QUEUE, app.toString());
    }

    @Override
    public Optional<Entry> find(AppId app) {
        return Optional.ofNullable(redis.opsForValue().get(key(app))).map(raw -> json.readValue(raw, Entry.class));
    }

    @Override
    public List<Entry> all() {
        Set<String> ids = redis.opsForZSet().range(RedisKeys.QUEUE, 0, -1);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> raws = redis.opsForValue().multiGet(ids.stream().map(id -> key(AppId.parse(id))).toList());
        return raws == null ? List.of() : raws.stream().filter(r -> r != null)
                .map(r -> json.readValue(r, new TypeReference<Entry>() { })).toList();
    }

    private static String key(AppId app) {
        return RedisKeys.appQueue(app);
    }
}
