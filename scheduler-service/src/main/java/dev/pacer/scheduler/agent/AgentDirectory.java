package dev.pacer.scheduler.agent;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Looks up one agent's registration ({@code info} of its record). */
public class AgentDirectory {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public AgentDirectory(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public Optional<AgentInfo> info(String agentId) {
        Object raw = redis.opsForHash().get(RedisKeys.agent(agentId), "info");
        return Optional.ofNullable(raw).map(r -> json.readValue(r.toString(), AgentInfo.class));
    }
}
