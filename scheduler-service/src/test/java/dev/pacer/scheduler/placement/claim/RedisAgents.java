package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.testsupport.TestRedis;
import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Connections to the test Redis and agent records written there as an agent writes them. */
final class RedisAgents implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<LettuceConnectionFactory> connections = new ArrayList<>();

    StringRedisTemplate template() {
        RedisURI uri = RedisURI.create(TestRedis.url());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        connections.add(factory);
        return new StringRedisTemplate(factory);
    }

    static void register(StringRedisTemplate redis, AgentInfo info) {
        delete(redis, info.id());
        redis.opsForHash().put(RedisKeys.agent(info.id()), "info", JSON.writeValueAsString(info));
    }

    static void delete(StringRedisTemplate redis, String agentId) {
        redis.delete(List.of(RedisKeys.agent(agentId), RedisKeys.agentPorts(agentId), RedisKeys.agentClaims(agentId)));
    }

    @Override
    public void close() {
        connections.forEach(LettuceConnectionFactory::destroy);
    }
}
