package dev.pacer.health.check;

import dev.pacer.boot.health.HealthResultSink;
import dev.pacer.boot.pubsub.Channels;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes results and publishes transitions ({@link Channels#HEALTH_TRANSITIONS}: pipelined, so not through
 * {@code PubSub}) in one Redis pipeline every {@code writeInterval}: results
 * are coalesced per check (only the latest of an interval is written), transitions go out in order
 * after the results they describe. While Redis is unreachable the latest results wait (one per check:
 * bounded by the checks owned) and transitions are kept up to a bound, the oldest dropped beyond it (a
 * transition is a hint; the hash is the truth).
 */
public final class ResultSink implements HealthResultSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultSink.class);
    private static final int MAX_TRANSITIONS = 100_000;

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> results = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> transitions = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer;
    private volatile boolean failing;

    public ResultSink(StringRedisTemplate redis, JsonMapper json, Duration writeInterval) {
        this.redis = redis;
        this.json = json;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-health-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::flush, writeInterval.toMillis(), writeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void result(String appId, HealthResult result) {
        results.computeIfAbsent(appId, a -> new ConcurrentHashMap<>())
                .put(HealthKeys.field(result.taskId(), result.checkIndex()), json.writeValueAsString(result));
    }

    @Override
    public void transition(HealthTransition transition) {
        transitions.add(Channels.HEALTH_TRANSITIONS.encode(transition, json));
        if (transitions.size() > MAX_TRANSITIONS) {
            transitions.poll();
        }
    }

    synchronized void flush() {
        Map<String, Map<String, String>> batch = new HashMap<>();
        for (String app : List.copyOf(results.keySet())) {
            ConcurrentHashMap<String, String> fields = results.remove(app);
            if (fields != null && !fields.isEmpty()) {
                batch.put(app, new HashMap<>(fields));
            }
        }
        List<String> published = new ArrayList<>();
        for (String t; published.size() < 10_000 && (t = transitions.poll()) != null; ) {
            published.add(t);
        }
        if (batch.isEmpty() && published.isEmpty()) {
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                batch.forEach((app, fields) -> {
                    Map<byte[], byte[]> raw = new HashMap<>();
                    fields.forEach((f, v) -> raw.put(bytes(f), bytes(v)));
                    connection.hashCommands().hMSet(bytes(HealthKeys.taskHealth(AppId.parse(app))), raw);
                });
                byte[] channel = bytes(Channels.HEALTH_TRANSITIONS.name());
                published.forEach(t -> connection.publish(channel, bytes(t)));
                return null;
            });
            if (failing) {
                log.info("Redis reachable again; health results written");
                failing = false;
            }
        } catch (RuntimeException e) {
            batch.forEach((app, fields) -> {
                ConcurrentHashMap<String, String> pending = results.computeIfAbsent(app, a -> new ConcurrentHashMap<>());
                fields.forEach(pending::putIfAbsent);
            });
            published.forEach(transitions::add);
            if (!failing) {
                log.warn("Cannot write health results to Redis; keeping the latest per check: {}", e.toString());
                failing = true;
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            flush();
        } catch (RuntimeException ignored) {
            // best effort
        }
    }
}
