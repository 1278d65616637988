package dev.pacer.agent.health;

import dev.pacer.boot.health.CheckEvents;
import dev.pacer.boot.health.HealthResultSink;
import dev.pacer.boot.health.ProbeOutcome;
import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the agent's counted results go: at once into the app's health hash (the same field health-service
 * writes, {@link HealthKeys#taskHealth}), transitions on the same channel ({@link Channels#HEALTH_TRANSITIONS});
 * a Redis outage is logged once and the next probe writes again. Also the agent's probe counter
 * {@code pacer.agent.health.checks{protocol, result}} (healthy, unhealthy; skipped: the check's previous probe
 * still ran or the pool's queue was full; error: the probe threw).
 */
final class AgentHealthWriter implements HealthResultSink, CheckEvents {

    private static final Logger log = LoggerFactory.getLogger(AgentHealthWriter.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final PubSub pubSub;
    private final MeterRegistry registry;
    private volatile boolean redisFailing;

    AgentHealthWriter(StringRedisTemplate redis, JsonMapper json, PubSub pubSub, MeterRegistry registry) {
        this.redis = redis;
        this.json = json;
        this.pubSub = pubSub;
        this.registry = registry;
    }

    @Override
    public void result(String appId, HealthResult result) {
        write(() -> redis.opsForHash().put(HealthKeys.taskHealth(AppId.parse(appId)),
                HealthKeys.field(result.taskId(), result.checkIndex()), json.writeValueAsString(result)));
    }

    @Override
    public void transition(HealthTransition transition) {
        write(() -> pubSub.publish(Channels.HEALTH_TRANSITIONS, transition));
    }

    private void write(Runnable command) {
        try {
            command.run();
            redisFailing = false;
        } catch (RuntimeException e) {
            if (!redisFailing) {
                log.warn("Cannot write health results to Redis (the next probe writes again): {}", e.toString());
                redisFailing = true;
            }
        }
    }

    @Override
    public void probed(String protocol, ProbeOutcome.Result result, Duration took) {
        count(protocol, result.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void notRun(String protocol, NotRun reason) {
        count(protocol, reason == NotRun.ERROR ? "error" : "skipped");
    }

    private void count(String protocol, String result) {
        Counter.builder("pacer.agent.health.checks").tag("protocol", protocol).tag("result", result)
                .description("Agent-side health probes by protocol and result").register(registry).increment();
    }
}
