package dev.pacer.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-principal rate limit on writes (POST, PUT, PATCH, DELETE) of the Marathon API and Pacer's APIs,
 * with Spring Cloud Gateway's Redis token bucket (shared by every gateway instance). Anonymous
 * writers (security off) are limited per client address.
 *
 * @param enabled        limit writes at all
 * @param replenishRate  writes per second a principal may sustain
 * @param burstCapacity  writes a principal may make at once
 */
@ConfigurationProperties(RateLimitProperties.PREFIX)
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") int replenishRate,
        @DefaultValue("40") int burstCapacity) {

    public static final String PREFIX = "pacer.gateway.rate-limit";

    public RateLimitProperties {
        if (replenishRate < 1 || burstCapacity < replenishRate) {
            throw new IllegalArgumentException(PREFIX + ": replenish-rate >= 1 and burst-capacity >= replenish-rate");
        }
    }
}
