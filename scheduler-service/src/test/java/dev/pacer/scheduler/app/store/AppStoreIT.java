package dev.pacer.scheduler.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.support.RedisTestTemplates;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

class AppStoreIT {

    private final RedisTestTemplates templates = new RedisTestTemplates();
    private StringRedisTemplate redis;
    private AppStore store;

    @BeforeEach
    void setUp() {
        templates.flushPacerKeys();
        redis = templates.template();
        store = new AppStore(redis, RedisTestTemplates.script("app-write.lua"), 3);
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }

    @Test
    void create_refusesAnExistingId_andChangesNothing() {
        AppId web = AppId.parse("/team/web");
        assertThat(store.create(web, 1, v(1), "{\"v\":1}")).isTrue();
        assertThat(store.create(web, 1, v(2), "{\"v\":2}")).isFalse();
        assertThat(store.get(web)).contains("{\"v\":1}");
        assertThat(store.versions(web)).containsExactly(v(1));
    }

    @Test
    void versions_areBounded_oldestDroppedFirst_newestListedFirst() {
        AppId web = AppId.parse("/web");
        for (int i = 1; i <= 5; i++) {
            store.put(web, 0, v(i), "{\"v\":" + i + "}");
        }
        assertThat(store.versions(web)).containsExactly(v(5), v(4), v(3));
        assertThat(store.version(web, v(4))).contains("{\"v\":4}");
        assertThat(store.version(web, v(1))).isEmpty();
        assertThat(redis.hasKey(RedisKeys.appVersion(web, v(2)))).isFalse();
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
    void ids_ofAGroup_areThoseBelowIt_only() {
        for (String id : new String[] {"/team/web", "/team/db/main", "/team-b/web", "/other"}) {
            store.put(AppId.parse(id), 0, v(1), "{}");
        }
        assertThat(store.ids(AppId.parse("/team"))).extracting(AppId::toString).containsExactly("/team/db/main", "/team/web");
        assertThat(store.ids(AppId.ROOT)).hasSize(4);
    }

    @Test
    void delete_removesTheAppAndItsVersions_butItsShardKeepsItUntilForgotten() {
        AppId web = AppId.parse("/web");
        store.put(web, 7, v(1), "{}");
        store.put(web, 7, v(2), "{}");

        assertThat(store.delete(web)).isTrue();

        assertThat(store.get(web)).isEmpty();
        assertThat(store.ids(AppId.ROOT)).isEmpty();
        assertThat(redis.keys(RedisKeys.app(web) + "*")).isEmpty();
        assertThat(store.inShard(7)).containsExactly("/web");
        store.forget(web, 7);
        assertThat(store.inShard(7)).isEmpty();
    }

    private static String v(int n) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n) + "";
    }
}
