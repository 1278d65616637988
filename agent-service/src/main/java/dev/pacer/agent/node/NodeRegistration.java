package dev.pacer.agent.node;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the node in Redis and keeps its heartbeat: field {@code info} of {@link RedisKeys#agent}
 * (only that field; the others belong to the scheduler) and the agent's score in {@link RedisKeys#AGENTS}.
 *
 * <p>{@code info} is written at start, after every failed write, and whenever the heartbeat finds the
 * agent missing from the set (a Redis that restarted empty, an agent the scheduler expunged); the
 * heartbeat every interval. An outage is logged once.
 */
public final class NodeRegistration {

    private static final Logger log = LoggerFactory.getLogger(NodeRegistration.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final AgentNode node;
    private volatile ScheduledExecutorService timer;
    private volatile AgentInfo info;
    private volatile boolean registered;
    private volatile boolean failing;

    public NodeRegistration(StringRedisTemplate redis, JsonMapper json, Clock clock, AgentNode node) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.node = node;
    }

    /** Registers now as reachable on {@code apiPort}, then heartbeats every {@code interval}. */
    public synchronized void start(int apiPort, Duration interval) {
        if (timer != null) {
            return;
        }
        info = node.info(apiPort);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-agent-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops heartbeating; the record stays, and the scheduler sees the heartbeat age. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    public boolean isRunning() {
        return timer != null;
    }

    private void writeInfo(String id) {
        redis.opsForHash().put(RedisKeys.agent(id), "info", json.writeValueAsString(info));
        if (!registered) {
            log.info("Agent {} registered at {}", id, info.apiUrl());
        }
    }

    void tick() {
        String id = node.id().value();
        try {
            if (!registered) {
                writeInfo(id);
            }
            Boolean added = redis.opsForZSet().add(RedisKeys.AGENTS, id, clock.millis());
            if (Boolean.TRUE.equals(added) && registered) {
                log.info("Agent {} was missing from the agent set (Redis lost its data?); registering again", id);
                writeInfo(id);
            }
            registered = true;
            if (failing) {
                log.info("Redis reachable again; agent {} heartbeats again", id);
                failing = false;
            }
        } catch (RuntimeException e) {
            registered = false;
            if (!failing) {
                log.warn("Cannot register or heartbeat agent {} in Redis (will keep trying): {}", id, e.toString());
                failing = true;
            }
        }
    }
}
