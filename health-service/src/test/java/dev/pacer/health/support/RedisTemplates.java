package dev.pacer.health.support;

import dev.pacer.contract.RedisKeys;
import dev.pacer.testsupport.TestRedis;
import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Connections to the test Redis without a Spring context. */
public final class RedisTemplates implements AutoCloseable {

    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    public LettuceConnectionFactory factory() {
        RedisURI uri = RedisURI.create(TestRedis.url());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return factory;
    }

    public StringRedisTemplate template() {
        return new StringRedisTemplate(factory());
    }

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
