package dev.pacer.scheduler.queue;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;

/** {@link BackoffStore} in Redis: one hash per app, in the app's slot ({@link RedisKeys#appBackoff}). */
public class RedisBackoffStore implements BackoffStore {

    private final StringRedisTemplate redis;

    public RedisBackoffStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Backoff get(AppId app) {
        Map<Object, Object> fields = redis.opsForHash().entries(RedisKeys.appBackoff(app));
        if (fields.isEmpty()) {
            return Backoff.NONE;
        }
        Object until = fields.get("delayUntil");
        return new Backoff(Integer.parseInt(String.valueOf(fields.getOrDefault("failures", "0"))),
                until == null ? null : Instant.ofEpochMilli(Long.parseLong(until.toString())));
    }

    @Override
    public void put(AppId app, Backoff backoff) {
        redis.opsForHash().putAll(RedisKeys.appBackoff(app), Map.of(
                "failures", Integer.toString(backoff.failures()),
                "delayUntil", Long.toString(backoff.delayUntil() == null ? 0 : backoff.delayUntil().toEpochMilli())));
    }

    @Override
    public void reset(AppId app) {
        redis.delete(RedisKeys.appBackoff(app));
    }
}
