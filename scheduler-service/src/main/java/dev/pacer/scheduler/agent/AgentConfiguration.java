package dev.pacer.scheduler.agent;

import dev.pacer.boot.tls.PacerTls;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The agents as the scheduler sees them: their registry in Redis and the mutual-TLS client of their API. */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

    @Bean
    AgentClient agentClient(JsonMapper json, AgentProperties properties, PacerTls tls) {
        return new HttpAgentClient(json, tls, Duration.ofSeconds(1), properties.agentCallTimeout());
    }

    @Bean
    AgentDirectory agentDirectory(StringRedisTemplate redis, JsonMapper json) {
        return new RedisAgentDirectory(redis, json);
    }
}
