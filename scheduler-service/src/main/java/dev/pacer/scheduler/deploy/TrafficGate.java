package dev.pacer.scheduler.deploy;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.util.Collection;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Which app versions get no traffic ({@link RedisKeys#appTrafficDenied}): agents register the tasks of
 * a denied version OUT_OF_SERVICE in discovery, so the gateway stops routing to them. A blue-green
 * deployment denies its new version until every new task is healthy, then the old versions at once.
 */
public class TrafficGate {

    private final StringRedisTemplate redis;

    public TrafficGate(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Replaces the denied versions of the app. */
    public void deny(AppId app, Collection<String> versions) {
        String key = RedisKeys.appTrafficDenied(app);
        redis.delete(key);
        if (!versions.isEmpty()) {
            redis.opsForSet().add(key, versions.toArray(String[]::new));
        }
        redis.convertAndSend(RedisKeys.TRAFFIC, app.toString());
    }

    /** Every version gets traffic again (healthy tasks are UP). */
    public void allowAll(AppId app) {
        if (Boolean.TRUE.equals(redis.delete(RedisKeys.appTrafficDenied(app)))) {
            redis.convertAndSend(RedisKeys.TRAFFIC, app.toString());
        }
    }

    public java.util.Set<String> denied(AppId app) {
        java.util.Set<String> denied = redis.opsForSet().members(RedisKeys.appTrafficDenied(app));
        return denied == null ? java.util.Set.of() : denied;
    }
}
