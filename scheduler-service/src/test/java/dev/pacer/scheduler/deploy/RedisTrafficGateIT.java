package dev.pacer.scheduler.deploy;

import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The {@link TrafficGateContract} on a real Redis. */
class RedisTrafficGateIT extends TrafficGateContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();

    @Override
    TrafficGate newGate() {
        templates.flushPacerKeys();
        StringRedisTemplate redis = templates.template();
        return new RedisTrafficGate(redis, RedisTestTemplates.publisher(redis));
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }
}
