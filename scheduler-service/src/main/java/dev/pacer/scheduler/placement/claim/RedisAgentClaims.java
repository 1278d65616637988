package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.scheduler.placement.ResourceMath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AgentClaims} in the agent's own Redis records (one hash slot: {@link RedisKeys#agent},
 * {@link RedisKeys#agentPorts}, {@link RedisKeys#agentClaims}), each claim and release one Lua script.
 */
public final class RedisAgentClaims implements AgentClaims {

    private static final String CLAIMED = "claimed";
    private static final String EXISTING = "existing";
    private static final String DECLINED = "declined";

    private final StringRedisTemplate redis;
    private final RedisScript<List<String>> claimScript;
    private final RedisScript<String> releaseScript;
    private final JsonMapper json;

    public RedisAgentClaims(StringRedisTemplate redis, RedisScript<List<String>> claimScript,
                       RedisScript<String> releaseScript, JsonMapper json) {
        this.redis = redis;
        this.claimScript = claimScript;
        this.releaseScript = releaseScript;
        this.json = json;
    }

    @Override
    public ClaimResult claim(AgentId agent, TaskId task, Resources resources, int portCount, List<Integer> required) {
        Objects.requireNonNull(resources, "resources");
        if (portCount < 0) {
            throw new IllegalArgumentException("port count cannot be negative");
        }
        if (!required.isEmpty() && required.size() != portCount) {
            throw new IllegalArgumentException("required ports " + required + " do not match the port count " + portCount);
        }
        List<String> reply = redis.execute(claimScript, keys(agent), task.toString(),
                amount(resources.cpus()), amount(resources.mem()), amount(resources.disk()), Integer.toString(portCount),
                required.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (reply == null || reply.size() != 2) {
            throw new IllegalStateException("agent-claim.lua answered " + reply);
        }
        return switch (reply.get(0)) {
            case CLAIMED -> new ClaimResult.Granted(parse(reply.get(1)), false);
            case EXISTING -> new ClaimResult.Granted(parse(reply.get(1)), true);
            case DECLINED -> new ClaimResult.Declined(reply.get(1));
            default -> throw new IllegalStateException("agent-claim.lua answered " + reply);
        };
    }

    @Override
    public boolean release(AgentId agent, TaskId task) {
        return redis.execute(releaseScript, keys(agent), task.toString()) != null;
    }

    @Override
    public Map<TaskId, Claim> claims(AgentId agent) {
        Map<TaskId, Claim> claims = new LinkedHashMap<>();
        redis.<String, String>opsForHash().entries(RedisKeys.agentClaims(agent.value()))
                .forEach((task, claim) -> claims.put(TaskId.parse(task), parse(claim)));
        return claims;
    }

    private static List<String> keys(AgentId agent) {
        String id = agent.value();
        return List.of(RedisKeys.agent(id), RedisKeys.agentPorts(id), RedisKeys.agentClaims(id));
    }

    private static String amount(double value) {
        return BigDecimal.valueOf(ResourceMath.round3(value)).toPlainString();
    }

    private Claim parse(String claim) {
        JsonNode node = json.readTree(claim);
        List<Integer> ports = new ArrayList<>();
        node.path("ports").forEach(port -> ports.add(port.asInt()));
        return new Claim(new Resources(node.path("cpus").asDouble(), node.path("mem").asDouble(),
                node.path("disk").asDouble()), ports);
    }
}
