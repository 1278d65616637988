package dev.pacer.agent.status;

import dev.pacer.agent.AgentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    @Bean(destroyMethod = "close")
    RedisStatusOutbox statusOutbox(StringRedisTemplate redis, JsonMapper json, AgentProperties properties) {
        return new RedisStatusOutbox(redis, json, properties.statusOutboxCapacity(), properties.statusRetryInterval());
    }
}
