package dev.pacer.agent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.testsupport.EmbeddedRedis;
import dev.pacer.testsupport.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** An agent that starts while Redis is down, or sees Redis restart empty, registers as soon as Redis is back. */
class NodeRegistrationOutageIT {

    private final int port = FreePorts.next();
    private final LettuceConnectionFactory factory = new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", port),
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
    private final AgentNode node = new AgentNode(AgentId.parse("outage-agent"), "h1", "z", "r", Map.of(),
            new Resources(1, 512, 1024), new PortRange(31000, 31010), Path.of("/tmp/unused"));
    private NodeRegistration registration;
    private EmbeddedRedis server;

    @AfterEach
    void stop() {
        registration.stop();
        factory.destroy();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void registrationAndHeartbeat_resumeOnceRedisIsBack_evenAfterItRestartedEmpty() {
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        registration = new NodeRegistration(redis, JsonMapper.builder().build(), Clock.systemUTC(), node);

        registration.start(8090, Duration.ofMillis(100));
        server = EmbeddedRedis.start(port);

        await().atMost(Duration.ofSeconds(10)).until(() -> registered(redis));
        server.close();
        server = EmbeddedRedis.start(port); // nothing persisted: the record is gone
        await().atMost(Duration.ofSeconds(10)).until(() -> registered(redis));
        assertThat((String) redis.opsForHash().get(RedisKeys.agent("outage-agent"), "info")).contains("\"apiPort\":8090");
    }

    private static boolean registered(StringRedisTemplate redis) {
        try {
            return redis.opsForHash().get(RedisKeys.agent("outage-agent"), "info") != null
                    && redis.opsForZSet().score(RedisKeys.AGENTS, "outage-agent") != null;
        } catch (RuntimeException redisDown) {
            return false;
        }
    }
}
