package dev.pacer.scheduler.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The {@link TaskHealthStoreContract} on a real Redis, results written as health-service writes them; unreadable values. */
class RedisTaskHealthStoreIT extends TaskHealthStoreContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisTestTemplates templates = new RedisTestTemplates();
    private StringRedisTemplate redis;

    @Override
    TaskHealthStore newStore() {
        templates.flushPacerKeys();
        redis = templates.template();
        return new RedisTaskHealthStore(redis, JSON);
    }

    @Override
    void write(AppId app, HealthResult result) {
        redis.opsForHash().put(HealthKeys.taskHealth(app), HealthKeys.field(result.taskId(), result.checkIndex()),
                JSON.writeValueAsString(result));
    }

    @Override
    void writeCheckerStats(String instance, CheckerStats stats) {
        redis.opsForHash().put(HealthKeys.CHECKER_STATS, instance, JSON.writeValueAsString(stats));
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }

    @Test
    void unreadableValues_countAsNone() {
        write(WEB, result("t1", 0, true));
        redis.opsForHash().put(HealthKeys.taskHealth(WEB), HealthKeys.field("t2", 0), "not json");
        redis.opsForHash().put(HealthKeys.CHECKER_STATS, "h1", "{");

        assertThat(store.ofApp(WEB)).containsOnlyKeys("t1");
        assertThat(store.checkerStats()).isEmpty();
    }
}
