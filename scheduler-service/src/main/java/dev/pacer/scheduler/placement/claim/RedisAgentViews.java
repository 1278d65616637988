package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.Resources;
import dev.pacer.scheduler.placement.AgentView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AgentViews} from Redis: ids and heartbeats from {@link RedisKeys#AGENTS}, then each agent's hash and
 * claimed ports, pipelined in chunks. Agents listed without an {@code info} (or with an unreadable one) are skipped.
 */
public final class RedisAgentViews implements AgentViews {

    private static final Logger log = LoggerFactory.getLogger(RedisAgentViews.class);
    private static final int CHUNK = 500;

    private final StringRedisTemplate redis;
    private final ObjectReader infoReader;
    private final Clock clock;
    private final Duration heartbeatTimeout;

    /** @param heartbeatTimeout an agent whose last heartbeat is older is not fresh */
    public RedisAgentViews(StringRedisTemplate redis, JsonMapper json, Clock clock, Duration heartbeatTimeout) {
        this.redis = redis;
        this.infoReader = json.readerFor(AgentInfo.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    @Override
    public List<AgentView> load() {
        Set<TypedTuple<String>> agents = redis.opsForZSet().rangeWithScores(RedisKeys.AGENTS, 0, -1);
        if (agents == null || agents.isEmpty()) {
            return List.of();
        }
        long freshSince = clock.millis() - heartbeatTimeout.toMillis();
        List<TypedTuple<String>> all = new ArrayList<>(agents);
        List<AgentView> views = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<TypedTuple<String>> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> replies = fetch(chunk.stream().map(TypedTuple::getValue).toList());
            for (int i = 0; i < chunk.size(); i++) {
                TypedTuple<String> agent = chunk.get(i);
                boolean fresh = agent.getScore() != null && agent.getScore() >= freshSince;
                AgentView view = view(agent.getValue(), (Map<?, ?>) replies.get(2 * i), (Set<?>) replies.get(2 * i + 1), fresh);
                if (view != null) {
                    views.add(view);
                }
            }
        }
        return views;
    }

    /** One round trip for the chunk: HGETALL and SMEMBERS per agent. */
    private List<Object> fetch(List<String> ids) {
        return redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                for (String id : ids) {
                    ops.opsForHash().entries(RedisKeys.agent(id));
                    ops.opsForSet().members(RedisKeys.agentPorts(id));
                }
                return null;
            }
        });
    }

    private AgentView view(String id, Map<?, ?> hash, Set<?> ports, boolean fresh) {
        Object info = hash == null ? null : hash.get("info");
        if (info == null) {
            return null;
        }
        try {
            Set<Integer> usedPorts = new HashSet<>();
            if (ports != null) {
                ports.forEach(port -> usedPorts.add(Integer.parseInt(port.toString())));
            }
            Resources used = new Resources(number(hash, "used.cpus"), number(hash, "used.mem"), number(hash, "used.disk"));
            return new AgentView(infoReader.readValue(info.toString()), state(hash.get("state")), used, usedPorts, fresh);
        } catch (RuntimeException e) {
            log.warn("Agent {} has an unreadable record and is left out of placement: {}", id, e.toString());
            return null;
        }
    }

    /** No state yet is ACTIVE; a state this version does not know is treated as LOST (not placeable). */
    private static AgentState state(Object raw) {
        if (raw == null) {
            return AgentState.ACTIVE;
        }
        try {
            return AgentState.valueOf(raw.toString());
        } catch (IllegalArgumentException e) {
            return AgentState.LOST;
        }
    }

    private static double number(Map<?, ?> hash, String field) {
        Object value = hash.get(field);
        return value == null ? 0 : Math.max(0, Double.parseDouble(value.toString()));
    }
}
