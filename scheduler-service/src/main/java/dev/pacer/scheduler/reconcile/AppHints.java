package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * "Something about this app changed": published on {@link RedisKeys#APP_HINTS} by whoever changed
 * it (the API, the status consumer), received by every scheduler instance and acted on by the one
 * holding the app's shard ({@link ReconcileConfiguration}). A hint only wakes the reconciler early; a
 * lost one costs at most one resync interval.
 */
public class AppHints {

    private final StringRedisTemplate redis;

    public AppHints(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void publish(AppId app) {
        redis.convertAndSend(RedisKeys.APP_HINTS, app.toString());
    }
}
