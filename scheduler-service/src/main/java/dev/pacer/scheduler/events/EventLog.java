package dev.pacer.scheduler.events;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.marathon.app.Timestamp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events in Marathon's shape to the durable stream {@link RedisKeys#EVENT_STREAM}: one
 * {@code XADD} with the event type, the app ids it concerns (what {@code /v2/events} filters and
 * authorizes on) and the JSON, trimmed by length ({@code MAXLEN ~}) and by age ({@code MINID ~}).
 * {@code eventType} and {@code timestamp} are added here. An event over {@link RedisKeys#EVENT_MAX_BYTES}
 * is a producer's bug: it is replaced by its type, timestamp and {@code "pacer":{"truncated":true}}
 * and logged. Age is measured on Redis' clock (the entry ids). A Redis failure is logged, never thrown: an event never fails the change it reports.
 *
 * <p>Metrics: {@code pacer.events.written{type}}, {@code pacer.events.lost{type}} (Redis refused it),
 * {@code pacer.events.truncated{type}}, {@code pacer.events.size} (bytes of each event written: its max is
 * the largest event).
 */
public class EventLog {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final EventsProperties properties;
    private final MeterRegistry registry;
    private final DistributionSummary size;

    public EventLog(StringRedisTemplate redis, JsonMapper json, Clock clock, EventsProperties properties,
                    MeterRegistry registry) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.registry = registry;
        this.size = DistributionSummary.builder("pacer.events.size").baseUnit("bytes")
                .description("Size of each event written to the event stream").register(registry);
    }

    /**
     * @param fields the event's own fields, in Marathon's order
     * @param apps   the app ids the event concerns (empty: none, then only principals who may view
     *               everything see it)
     * @return the entry id, null when Redis refused it
     */
    public String append(String eventType, Map<String, ?> fields, Collection<String> apps) {
        Map<String, Object> event = new LinkedHashMap<>(fields);
        event.put("eventType", eventType);
        event.put("timestamp", Timestamp.now(clock).toString());
        byte[] body = json.writeValueAsBytes(event);
        if (body.length > RedisKeys.EVENT_MAX_BYTES) {
            log.warn("Event {} is {} bytes, over the {} bytes limit: written truncated", eventType, body.length,
                    RedisKeys.EVENT_MAX_BYTES);
            body = json.writeValueAsBytes(Map.of("eventType", eventType, "timestamp", event.get("timestamp"),
                    "pacer", Map.of("truncated", true)));
            count("pacer.events.truncated", eventType);
        }
        byte[][] args = {
                bytes(RedisKeys.EVENT_STREAM), bytes("MAXLEN"), bytes("~"), bytes(Long.toString(properties.maxLength())),
                bytes("*"),
                bytes(RedisKeys.EVENT_TYPE_FIELD), bytes(eventType),
                bytes(RedisKeys.EVENT_APPS_FIELD), bytes(String.join(",", apps)),
                bytes(RedisKeys.EVENT_FIELD), body};
        try {
            Object added = redis.execute((RedisCallback<Object>) c -> {
                Object id = c.execute("XADD", args);
                if (id instanceof byte[] b) {
                    // the age is measured on Redis' clock (entry ids are its milliseconds), not on ours
                    long ms = Long.parseLong(new String(b, StandardCharsets.UTF_8).split("-")[0]);
                    String minId = Math.max(0, ms - properties.maxAge().toMillis()) + "-0";
                    c.execute("XTRIM", bytes(RedisKeys.EVENT_STREAM), bytes("MINID"), bytes("~"), bytes(minId));
                }
                return id;
            });
            count("pacer.events.written", eventType);
            size.record(body.length);
            return added instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : null;
        } catch (DataAccessException e) {
            log.warn("Event {} not written to the event stream: {}", eventType, e.getMessage());
            count("pacer.events.lost", eventType);
            return null;
        }
    }

    private void count(String name, String eventType) {
        Counter.builder(name).tag("type", eventType).register(registry).increment();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
