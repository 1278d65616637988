package dev.pacer.scheduler.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable event log ({@code pacer:v1:event-stream}) that {@code /v2/events} serves.
 *
 * @param maxLength about how many events the stream keeps (trimmed with {@code MAXLEN ~})
 * @param maxAge    how long an event is kept at most (trimmed with {@code MINID ~}): a client that
 *                  resumes from an older id gets {@code event_stream_reset}
 */
@ConfigurationProperties(EventsProperties.PREFIX)
record EventsProperties(
        @DefaultValue("100000") long maxLength,
        @DefaultValue("24h") Duration maxAge) {

    public static final String PREFIX = "pacer.events";

    public EventsProperties {
        if (maxLength < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-length must be at least 1");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".max-age must be positive");
        }
    }
}
