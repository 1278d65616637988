package dev.pacer.scheduler.definition.store;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * App definitions in Redis, as JSON: one key for the current definition, one per stored version
 * (at most {@code maxVersions}, oldest dropped first), a version index — all in the app's slot,
 * written by one script. Two indexes live elsewhere: the id in {@link RedisKeys#APPS} (for lists)
 * and in its shard's set (for the shard holder's resync). They are written before the record on
 * create and removed after it on delete, so a crash in between leaves an id whose record is
 * missing: lists skip it and the reconciler cleans it up, never the reverse.
 */
public class RedisAppStore implements AppStore {

    private final StringRedisTemplate redis;
    private final RedisScript<Long> write;
    private final int maxVersions;

    public RedisAppStore(StringRedisTemplate redis, RedisScript<Long> write, int maxVersions) {
        this.redis = redis;
        this.write = write;
        this.maxVersions = maxVersions;
    }

    @Override
    public boolean create(AppId app, int shard, String version, String json) {
        index(app, shard);
        return store(app, version, json, true);
    }

    @Override
    public void put(AppId app, int shard, String version, String json) {
        index(app, shard);
        store(app, version, json, false);
    }

    @Override
    public void putVersion(AppId app, String version, String json) {
        write(app, version, json, "2");
    }


    @Override
    public Optional<String> get(AppId app) {
        return Optional.ofNullable(redis.opsForValue().get(RedisKeys.app(app)));
    }

    @Override
    public List<String> versions(AppId app) {
        Set<String> versions = redis.opsForZSet().reverseRange(RedisKeys.appVersions(app), 0, -1);
        return versions == null ? List.of() : List.copyOf(versions);
    }

    @Override
    public Optional<String> version(AppId app, String version) {
        return Optional.ofNullable(redis.opsForValue().get(RedisKeys.appVersion(app, version)));
    }

    @Override
    public boolean delete(AppId app) {
        List<String> keys = new ArrayList<>();
        keys.add(RedisKeys.app(app));
        keys.add(RedisKeys.appVersions(app));
        keys.add(RedisKeys.appBackoff(app));
        keys.add(RedisKeys.appReadiness(app));
        keys.add(RedisKeys.appTrafficDenied(app));
        keys.add(RedisKeys.appLastTaskFailure(app));
        versions(app).forEach(v -> keys.add(RedisKeys.appVersion(app, v)));
        Long deleted = redis.delete(keys);
        redis.opsForZSet().remove(RedisKeys.APPS, app.toString());
        return deleted != null && deleted > 0;
    }

    @Override
    public void forget(AppId app, int shard) {
        redis.opsForSet().remove(RedisKeys.shardApps(shard), app.toString());
    }

    @Override
    public List<AppId> ids(AppId group) {
        Set<String> ids;
        if (group.isRoot()) {
            ids = redis.opsForZSet().range(RedisKeys.APPS, 0, -1);
        } else {
            String prefix = group.toString();
            ids = redis.opsForZSet().rangeByLex(RedisKeys.APPS,
                    Range.closed(prefix, prefix + "/\uffff"), Limit.unlimited());
        }
        List<AppId> result = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                AppId parsed = AppId.parse(id);
                if (parsed.isUnder(group)) {
                    result.add(parsed);
                }
            }
        }
        return result;
    }

    @Override
    public List<String> getAll(List<AppId> apps) {
        if (apps.isEmpty()) {
            return List.of();
        }
        List<String> raws = redis.opsForValue().multiGet(apps.stream().map(RedisKeys::app).toList());
        return raws == null ? List.of() : raws.stream().filter(r -> r != null).toList();
    }

    @Override
    public Set<String> inShard(int shard) {
        Set<String> ids = redis.opsForSet().members(RedisKeys.shardApps(shard));
        return ids == null ? Set.of() : ids;
    }

    private void index(AppId app, int shard) {
        redis.opsForZSet().add(RedisKeys.APPS, app.toString(), 0);
        redis.opsForSet().add(RedisKeys.shardApps(shard), app.toString());
    }

    private boolean store(AppId app, String version, String json, boolean createOnly) {
        return write(app, version, json, createOnly ? "1" : "0");
    }

    private boolean write(AppId app, String version, String json, String mode) {
        Long written = redis.execute(write,
                List.of(RedisKeys.app(app), RedisKeys.appVersions(app), RedisKeys.appVersion(app, version)),
                json, version, Long.toString(Instant.parse(version).toEpochMilli()), Integer.toString(maxVersions),
                mode, RedisKeys.appVersion(app, ""));
        return written != null && written == 1L;
    }
}
