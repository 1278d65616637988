package dev.pacer.scheduler.task.store;

import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.health.RedisTaskHealthStore;
import dev.pacer.scheduler.support.RedisTestTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The {@link TaskStoreContract} on a real Redis. */
class RedisTaskStoreIT extends TaskStoreContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisTestTemplates templates = new RedisTestTemplates();
    private StringRedisTemplate redis;

    @Override
    TaskStore newStore() {
        templates.flushPacerKeys();
        redis = templates.template();
        return new RedisTaskStore(redis, JSON, RedisTestTemplates.script("compare-and-set.lua"));
    }

    @Override
    void writeHealth(AppId app, HealthResult result) {
        redis.opsForHash().put(HealthKeys.taskHealth(app), HealthKeys.field(result.taskId(), result.checkIndex()),
                JSON.writeValueAsString(result));
    }

    @Override
    Map<String, List<HealthResult>> health(AppId app) {
        return new RedisTaskHealthStore(redis, JSON).ofApp(app);
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }
}
