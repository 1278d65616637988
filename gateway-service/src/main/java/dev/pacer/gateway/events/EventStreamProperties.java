package dev.pacer.gateway.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code GET /v2/events}, served by the gateway from the event stream in Redis.
 *
 * @param heartbeat  how often an idle stream gets an SSE comment (keeps proxies from closing it)
 * @param bufferSize events held for one subscriber that reads slower than they come; when full, the
 *                   subscriber is cut off (it resumes with {@code Last-Event-ID})
 * @param readBatch  most entries one {@code XREAD} (live) or {@code XRANGE} (replay) returns
 * @param readBlock  how long one {@code XREAD} waits for a new entry; below {@code spring.data.redis.timeout}
 *                   (2 s), or the blocked read counts as a failed command
 */
@ConfigurationProperties(EventStreamProperties.PREFIX)
public record EventStreamProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1024") int bufferSize,
        @DefaultValue("200") int readBatch,
        @DefaultValue("1s") Duration readBlock) {

    public static final String PREFIX = "pacer.gateway.events";

    public EventStreamProperties {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".heartbeat must be positive");
        }
        if (bufferSize < 1 || readBatch < 1) {
            throw new IllegalArgumentException(PREFIX + ".buffer-size and .read-batch must be at least 1");
        }
        if (readBlock.isNegative() || readBlock.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".read-block must be positive");
        }
    }
}
