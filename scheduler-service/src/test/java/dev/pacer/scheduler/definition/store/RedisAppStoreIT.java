package dev.pacer.scheduler.definition.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The {@link AppStoreContract} on a real Redis, and the Redis layout: which keys a write touches. */
class RedisAppStoreIT extends AppStoreContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();
    private StringRedisTemplate redis;

    @Override
    AppStore newStore(int maxVersions) {
        templates.flushPacerKeys();
        redis = templates.template();
        return new RedisAppStore(redis, RedisTestTemplates.script("app-write.lua"), maxVersions);
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }

    @Test
    void aWriteToOneApp_touchesOnlyItsOwnKeysAndTheIndexes() {
        store.put(AppId.parse("/a"), 0, v(1), "{}");
        var before = redis.keys(RedisKeys.PREFIX + "*");
        store.put(AppId.parse("/b"), 1, v(1), "{}");
        var after = redis.keys(RedisKeys.PREFIX + "*");
        after.removeAll(before);
        assertThat(after).allSatisfy(key -> assertThat(key).satisfiesAnyOf(
                k -> assertThat(k).contains("{/b}"),
                k -> assertThat(k).isEqualTo(RedisKeys.shardApps(1))));
    }

    @Test
    void delete_leavesNoKeyOfTheApp_andDroppedVersionsLeaveNoKey() {
        AppId web = AppId.parse("/web");
        for (int i = 1; i <= 5; i++) {
            store.put(web, 7, v(i), "{}");
        }
        assertThat(redis.hasKey(RedisKeys.appVersion(web, v(2)))).isFalse();
        redis.opsForHash().put(RedisKeys.appBackoff(web), "failures", "1");

        assertThat(store.delete(web)).isTrue();

        assertThat(redis.keys(RedisKeys.app(web) + "*")).isEmpty();
    }
}
