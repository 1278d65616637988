package dev.pacer.scheduler.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.support.RedisTestTemplates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event log on a real Redis: fields, 4 KiB bound, trimming by length and by age. */
class EventLogIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private final StringRedisTemplate redis = REDIS.template();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void empty() {
        REDIS.flushPacerKeys();
    }

    @AfterAll
    static void close() {
        REDIS.close();
    }

    @Test
    void append_writesTypeAppsAndMarathonJson_withEventTypeAndMillisecondTimestamp() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T15:16:25.476Z"), ZoneOffset.UTC);
        EventLog log = new EventLog(redis, JSON, clock, new EventsProperties(1000, Duration.ofDays(3650)), registry);

        String id = log.append("app_terminated_event", Map.of("appId", "/team/web"), List.of("/team/web"));

        List<MapRecord<String, Object, Object>> entries = entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getId().getValue()).isEqualTo(id);
        Map<Object, Object> fields = entries.get(0).getValue();
        assertThat(fields.get(RedisKeys.EVENT_TYPE_FIELD)).isEqualTo("app_terminated_event");
        assertThat(fields.get(RedisKeys.EVENT_APPS_FIELD)).isEqualTo("/team/web");
        JsonNode event = JSON.readTree((String) fields.get(RedisKeys.EVENT_FIELD));
        assertThat(event.path("appId").asString()).isEqualTo("/team/web");
        assertThat(event.path("eventType").asString()).isEqualTo("app_terminated_event");
        assertThat(event.path("timestamp").asString()).isEqualTo("2026-12-02T15:16:25.476Z");
        assertThat(registry.get("pacer.events.written").tag("type", "app_terminated_event").counter().count()).isEqualTo(1);
        assertThat(registry.get("pacer.events.size").summary().max())
                .isEqualTo(((String) fields.get(RedisKeys.EVENT_FIELD)).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void anEventOver4KiB_isWrittenTruncated_neverOversized() {
        EventLog log = new EventLog(redis, JSON, Clock.systemUTC(), new EventsProperties(1000, Duration.ofHours(1)), registry);

        log.append("api_post_event", Map.of("uri", "x".repeat(5000)), List.of("/big"));

        String event = (String) entries().get(0).getValue().get(RedisKeys.EVENT_FIELD);
        assertThat(event.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RedisKeys.EVENT_MAX_BYTES);
        assertThat(JSON.readTree(event).path("pacer").path("truncated").asBoolean()).isTrue();
        assertThat(JSON.readTree(event).path("eventType").asString()).isEqualTo("api_post_event");
        assertThat(registry.get("pacer.events.truncated").tag("type", "api_post_event").counter().count()).isEqualTo(1);
    }

    @Test
    void theStream_isTrimmedByLength() {
        EventLog log = new EventLog(redis, JSON, Clock.systemUTC(), new EventsProperties(10, Duration.ofHours(1)), registry);

        for (int i = 0; i < 500; i++) {
            log.append("app_terminated_event", Map.of("appId", "/a" + i), List.of("/a" + i));
        }

        // MAXLEN ~ trims whole radix-tree nodes (100 entries by default): about the bound, never everything
        long length = redis.opsForStream().size(RedisKeys.EVENT_STREAM);
        assertThat(length).isBetween(10L, 200L);
        assertThat(JSON.readTree((String) entries().get((int) length - 1).getValue().get(RedisKeys.EVENT_FIELD))
                .path("appId").asString()).isEqualTo("/a499");
    }

    @Test
    void theStream_isTrimmedByAge_onRedisClock() {
        EventLog log = new EventLog(redis, JSON, Clock.systemUTC(), new EventsProperties(100_000, Duration.ofMillis(300)), registry);
        for (int i = 0; i < 300; i++) {
            log.append("app_terminated_event", Map.of("appId", "/old" + i), List.of("/old" + i));
        }
        long before = redis.opsForStream().size(RedisKeys.EVENT_STREAM);

        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
        log.append("app_terminated_event", Map.of("appId", "/new"), List.of("/new"));

        // MINID ~ drops whole nodes (100 entries) older than the max age: the 300 old entries are not all kept
        assertThat(redis.opsForStream().size(RedisKeys.EVENT_STREAM)).isLessThan(before + 1);
        assertThat(entries()).last().satisfies(e -> assertThat((String) e.getValue().get(RedisKeys.EVENT_APPS_FIELD)).isEqualTo("/new"));
    }

    private List<MapRecord<String, Object, Object>> entries() {
        return redis.opsForStream().range(RedisKeys.EVENT_STREAM, Range.unbounded());
    }
}
