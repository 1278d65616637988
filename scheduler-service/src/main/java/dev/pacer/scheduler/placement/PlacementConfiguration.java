package dev.pacer.scheduler.placement;

import dev.pacer.scheduler.placement.claim.AgentClaims;
import dev.pacer.scheduler.placement.claim.AgentViews;
import dev.pacer.scheduler.placement.claim.ClaimScripts;
import dev.pacer.scheduler.placement.claim.RedisAgentClaims;
import dev.pacer.scheduler.placement.claim.RedisAgentViews;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the placement pipeline, the agent reader and the claim scripts. */
@Configuration(proxyBeanMethods = false)
class PlacementConfiguration {

    @Bean
    PlacementMetrics placementMetrics(MeterRegistry registry) {
        return new MicrometerPlacementMetrics(registry);
    }

    @Bean
    Placer placer(PlacementMetrics metrics) {
        return Placer.standard(metrics);
    }

    @Bean
    AgentClaims agentClaims(StringRedisTemplate redis, JsonMapper json) {
        return new RedisAgentClaims(redis, ClaimScripts.claim(), ClaimScripts.release(), json);
    }

    @Bean
    AgentViews agentViews(StringRedisTemplate redis, JsonMapper json, Clock clock, PlacementProperties properties) {
        return new RedisAgentViews(redis, json, clock, properties.heartbeatTimeout());
    }
}
