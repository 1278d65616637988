package dev.pacer.scheduler.work;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import org.springframework.data.redis.core.StringRedisTemplate;

/** {@link AppHints} over Redis pub/sub: published on {@link RedisKeys#APP_HINTS}, heard by every scheduler instance. */
public class RedisAppHints implements AppHints {

    private final StringRedisTemplate redis;

    public RedisAppHints(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void publish(AppId app) {
        redis.convertAndSend(RedisKeys.APP_HINTS, app.toString());
    }
}
