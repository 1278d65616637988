package dev.pacer.scheduler.support;

import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.RedisKeys;
import dev.pacer.testsupport.TestRedis;
import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/** Connections to the test Redis for integration tests of Redis-backed classes without a Spring context. */
public final class RedisTestTemplates implements AutoCloseable {

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    /** A template on its own connections (as a separate process would have). */
    public StringRedisTemplate template() {
        RedisURI uri = RedisURI.create(TestRedis.url());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new StringRedisTemplate(factory);
    }

    /** Publishing over {@code redis} (nothing here subscribes: the listener container is never started). */
    public static PubSub publisher(StringRedisTemplate redis) {
        return new PubSub(redis, new RedisMessageListenerContainer(), JsonMapper.builder().build());
    }

    public static RedisScript<Long> script(String name) {
        return RedisScript.of(new ClassPathResource("scripts/" + name), Long.class);
    }

    /** Deletes every Pacer key: each test starts from an empty keyspace. */
    public void flushPacerKeys() {
        StringRedisTemplate redis = template();
        var keys = redis.keys(RedisKeys.PREFIX + "*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    @Override
    public void close() {
        factories.forEach(LettuceConnectionFactory::destroy);
    }
}
