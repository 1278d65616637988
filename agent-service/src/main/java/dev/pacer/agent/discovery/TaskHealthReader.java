package dev.pacer.agent.discovery;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a task is healthy, from the current results in Redis ({@link HealthKeys#taskHealth}): every
 * one of its checks has a result and that result is alive. One {@code HMGET} per task. Also whether its
 * version is held out of traffic.
 */
class TaskHealthReader {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    TaskHealthReader(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /**
     * The app versions whose tasks must get no traffic ({@link dev.pacer.contract.RedisKeys#appTrafficDenied}:
     * a blue-green deployment's set before or after its switch).
     */
    Set<String> deniedVersions(String appId) {
        Set<String> denied = redis.opsForSet().members(RedisKeys.appTrafficDenied(AppId.parse(appId)));
        return denied == null ? Set.of() : denied;
    }

    boolean healthy(String appId, String taskId, int checks) {
        List<Object> fields = new ArrayList<>(checks);
        for (int i = 0; i < checks; i++) {
            fields.add(HealthKeys.field(taskId, i));
        }
        List<Object> values = redis.opsForHash().multiGet(HealthKeys.taskHealth(AppId.parse(appId)), fields);
        if (values == null || values.size() != checks) {
            return false;
        }
        for (Object value : values) {
            if (value == null || !json.readValue(value.toString(), HealthResult.class).alive()) {
                return false;
            }
        }
        return true;
    }
}
