package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The {@link AgentsContract} on a real Redis, agents written there as agents and the agent monitor write them. */
class RedisAgentsIT extends AgentsContract {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final RedisAgents redisAgents = new RedisAgents();
    private StringRedisTemplate redis;

    @Override
    void connect() {
        redis = redisAgents.template();
        clean();
        views = new RedisAgentViews(redis, RedisAgents.JSON, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(10));
        claims = new RedisAgentClaims(redis, ClaimScripts.claim(), ClaimScripts.release(), RedisAgents.JSON);
    }

    @Override
    void register(AgentInfo info) {
        RedisAgents.register(redis, info);
        redis.opsForZSet().add(RedisKeys.AGENTS, info.id(), NOW.toEpochMilli());
    }

    @Override
    void stale(String agentId) {
        redis.opsForZSet().add(RedisKeys.AGENTS, agentId, NOW.minusSeconds(60).toEpochMilli());
    }

    @Override
    void state(String agentId, AgentState state) {
        redis.opsForHash().put(RedisKeys.agent(agentId), "state", state.name());
    }

    @AfterEach
    void close() {
        clean();
        redisAgents.close();
    }

    private void clean() {
        for (String id : new String[] {AGENT.value(), "contract-b1", "contract-nobody"}) {
            RedisAgents.delete(redis, id);
        }
        redis.delete(RedisKeys.AGENTS);
    }
}
