package dev.pacer.scheduler.deploy;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.util.Collection;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link TrafficGate} in Redis: the set {@link RedisKeys#appTrafficDenied} in the app's slot; every change is
 * announced on {@link RedisKeys#TRAFFIC}, where the agents hear it.
 */
public class RedisTrafficGate implements TrafficGate {

    private final StringRedisTemplate redis;

    public RedisTrafficGate(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void deny(AppId app, Collection<String> versions) {
        String key = RedisKeys.appTrafficDenied(app);
        redis.delete(key);
        if (!versions.isEmpty()) {
            redis.opsForSet().add(key, versions.toArray(String[]::new));
        }
        redis.convertAndSend(RedisKeys.TRAFFIC, app.toString());
    }

    @Override
    public void allowAll(AppId app) {
        if (Boolean.TRUE.equals(redis.delete(RedisKeys.appTrafficDenied(app)))) {
            redis.convertAndSend(RedisKeys.TRAFFIC, app.toString());
        }
    }

    @Override
    public Set<String> denied(AppId app) {
        Set<String> denied = redis.opsForSet().members(RedisKeys.appTrafficDenied(app));
        return denied == null ? Set.of() : denied;
    }
}
