package dev.pacer.scheduler.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    EventLog eventLog(StringRedisTemplate redis, JsonMapper json, Clock clock, EventsProperties properties,
                      MeterRegistry registry) {
        return new EventLog(redis, json, clock, properties, registry);
    }
}
