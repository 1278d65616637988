package dev.pacer.scheduler.agent;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link AgentDirectory} in Redis: the {@code info} field of the agent's record. */
class RedisAgentDirectory implements AgentDirectory {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisAgentDirectory(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Optional<AgentInfo> info(String agentId) {
        Object raw = redis.opsForHash().get(RedisKeys.agent(agentId), "info");
        return Optional.ofNullable(raw).map(r -> json.readValue(r.toString(), AgentInfo.class));
    }
}
