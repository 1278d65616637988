package dev.pacer.gateway.ratelimit;

import dev.pacer.gateway.metrics.GatewayMetrics;
import dev.pacer.gateway.route.RouteIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(prefix = RateLimitProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    /** The gateway's Redis token bucket (its Lua script and template come from the gateway's auto-configuration). */
    @Bean
    RedisRateLimiter writeRateLimiter(RateLimitProperties properties) {
        RedisRateLimiter limiter = new RedisRateLimiter(properties.replenishRate(), properties.burstCapacity());
        limiter.setIncludeHeaders(false);
        return limiter;
    }

    @Bean
    WriteRateLimitFilter writeRateLimitFilter(RedisRateLimiter writeRateLimiter, RateLimitProperties properties,
                                              GatewayMetrics metrics) {
        return new WriteRateLimitFilter(writeRateLimiter, RouteIds.CONTROL_PLANE,
                properties.replenishRate(), metrics);
    }
}
