package dev.pacer.scheduler.deploy;

import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link TrafficGate} in Redis: the set {@link RedisKeys#appTrafficDenied} in the app's slot; every change is
 * announced on {@link Channels#TRAFFIC}, where the agents hear it.
 */
class RedisTrafficGate implements TrafficGate {

    private final StringRedisTemplate redis;
    private final PubSub pubSub;

    public RedisTrafficGate(StringRedisTemplate redis, PubSub pubSub) {
        this.redis = redis;
        this.pubSub = pubSub;
    }

    @Override
    public void deny(AppId app, Collection<String> versions) {
        String key = RedisKeys.appTrafficDenied(app);
        redis.execute(new SessionCallback<List<Object>>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> List<Object> execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                ops.multi(); // one transaction: no reader ever sees the set emptied between the two writes
                ops.delete(key);
                if (!versions.isEmpty()) {
                    ops.opsForSet().add(key, versions.toArray(String[]::new));
                }
                return ops.exec();
            }
        });
        pubSub.publish(Channels.TRAFFIC, app);
    }

    @Override
    public void allowAll(AppId app) {
        if (Boolean.TRUE.equals(redis.delete(RedisKeys.appTrafficDenied(app)))) {
            pubSub.publish(Channels.TRAFFIC, app);
        }
    }

    @Override
    public Set<String> denied(AppId app) {
        Set<String> denied = redis.opsForSet().members(RedisKeys.appTrafficDenied(app));
        return denied == null ? Set.of() : denied;
    }
}
