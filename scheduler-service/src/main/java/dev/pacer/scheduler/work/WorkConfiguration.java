package dev.pacer.scheduler.work;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The hints that wake an app's reconcile pass (Redis pub/sub; the resync makes a lost one harmless). */
@Configuration(proxyBeanMethods = false)
class WorkConfiguration {

    @Bean
    AppHints appHints(StringRedisTemplate redis) {
        return new RedisAppHints(redis);
    }
}
