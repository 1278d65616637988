package dev.pacer.scheduler.definition.ports;

import dev.pacer.contract.RedisKeys;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** {@link ServicePortPool} in Redis: the set {@link RedisKeys#SERVICE_PORTS}, a port taken in one Lua step. */
public class RedisServicePortPool implements ServicePortPool {

    private final StringRedisTemplate redis;
    private final RedisScript<Long> allocate;

    public RedisServicePortPool(StringRedisTemplate redis, RedisScript<Long> allocate) {
        this.redis = redis;
        this.allocate = allocate;
    }

    @Override
    public int take(int min, int max, int offset) {
        Long port = redis.execute(allocate, List.of(RedisKeys.SERVICE_PORTS), Integer.toString(min), Integer.toString(max),
                Integer.toString(offset));
        return port == null ? -1 : port.intValue();
    }

    @Override
    public void release(int port) {
        redis.opsForSet().remove(RedisKeys.SERVICE_PORTS, Integer.toString(port));
    }
}
