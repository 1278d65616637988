package dev.pacer.scheduler.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Reads of many Redis hashes at once: the list paths read one hash per app or deployment. */
public final class RedisHashes {

    private RedisHashes() {
    }

    /** {@code HGETALL} of every key in one pipelined round trip; an absent key gives an empty map, in key order. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, String>> getAll(StringRedisTemplate redis, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object> hashes = redis.executePipelined((RedisCallback<Object>) connection -> {
            keys.forEach(key -> connection.hashCommands().hGetAll(key.getBytes(StandardCharsets.UTF_8)));
            return null;
        });
        List<Map<String, String>> result = new ArrayList<>(hashes.size());
        hashes.forEach(hash -> result.add(hash instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of()));
        return result;
    }
}
