package dev.pacer.scheduler.queue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The launch queue's stores: each app's launch backoff and what is waiting to be placed ({@code /v2/queue}). */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    BackoffStore backoffStore(StringRedisTemplate redis) {
        return new RedisBackoffStore(redis);
    }

    @Bean
    QueueStore queueStore(StringRedisTemplate redis, JsonMapper json) {
        return new RedisQueueStore(redis, json);
    }
}
