package dev.pacer.scheduler.definition.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AppStore} does; each implementation's test extends this with its own store. */
abstract class AppStoreContract {

    static final AppId WEB = AppId.parse("/team/web");

    AppStore store;

    /** An empty store keeping at most {@code maxVersions} versions per app. */
    abstract AppStore newStore(int maxVersions);

    @BeforeEach
    void createStore() {
        store = newStore(3);
    }

    @Test
    void create_refusesAnExistingId_andChangesNothing() {
        assertThat(store.create(WEB, 1, v(1), "{\"v\":1}")).isTrue();
        assertThat(store.create(WEB, 1, v(2), "{\"v\":2}")).isFalse();
        assertThat(store.get(WEB)).contains("{\"v\":1}");
        assertThat(store.versions(WEB)).containsExactly(v(1));
    }

    @Test
    void put_makesTheVersionCurrent_andKeepsTheOlderOnes() {
        store.put(WEB, 0, v(1), "{\"v\":1}");
        store.put(WEB, 0, v(2), "{\"v\":2}");
        assertThat(store.get(WEB)).contains("{\"v\":2}");
        assertThat(store.version(WEB, v(1))).contains("{\"v\":1}");
    }

    @Test
    void versions_areBounded_oldestDroppedFirst_newestListedFirst() {
        for (int i = 5; i >= 1; i--) {
            store.put(WEB, 0, v(i), "{\"v\":" + i + "}");
        }
        assertThat(store.versions(WEB)).containsExactly(v(5), v(4), v(3));
        assertThat(store.version(WEB, v(4))).contains("{\"v\":4}");
        assertThat(store.version(WEB, v(1))).isEmpty();
    }

    @Test
    void putVersion_isNotCurrentNorListed_untilActivated() {
        AppId fresh = AppId.parse("/fresh");
        store.putVersion(fresh, v(1), "{\"v\":1}");
        assertThat(store.get(fresh)).isEmpty();
        assertThat(store.ids(AppId.ROOT)).isEmpty();
        assertThat(store.versions(fresh)).containsExactly(v(1));

        assertThat(store.activate(fresh, 4, v(1))).isTrue();
        assertThat(store.get(fresh)).contains("{\"v\":1}");
        assertThat(store.ids(AppId.ROOT)).containsExactly(fresh);
        assertThat(store.inShard(4)).containsExactly("/fresh");
    }

    @Test
    void activate_ofAVersionNeverStored_isFalse_andChangesNothing() {
        store.put(WEB, 0, v(1), "{\"v\":1}");
        assertThat(store.activate(WEB, 0, v(9))).isFalse();
        assertThat(store.get(WEB)).contains("{\"v\":1}");
    }

    @Test
    void ids_ofAGroup_areThoseBelowIt_only_inIdOrder() {
        for (String id : new String[] {"/team/web", "/team/db/main", "/team-b/web", "/other", "/teams"}) {
            store.put(AppId.parse(id), 0, v(1), "{}");
        }
        assertThat(store.ids(AppId.parse("/team"))).extracting(AppId::toString).containsExactly("/team/db/main", "/team/web");
        assertThat(store.ids(AppId.ROOT)).extracting(AppId::toString)
                .containsExactly("/other", "/team-b/web", "/team/db/main", "/team/web", "/teams");
    }

    @Test
    void getAll_keepsTheOrderAsked_andSkipsMissingApps() {
        store.put(AppId.parse("/a"), 0, v(1), "{\"a\":1}");
        store.put(AppId.parse("/b"), 0, v(1), "{\"b\":1}");
        assertThat(store.getAll(List.of(AppId.parse("/b"), AppId.parse("/none"), AppId.parse("/a"))))
                .containsExactly("{\"b\":1}", "{\"a\":1}");
        assertThat(store.getAll(List.of())).isEmpty();
    }

    @Test
    void delete_removesTheAppAndItsVersions_butItsShardKeepsItUntilForgotten() {
        AppId web = AppId.parse("/web");
        store.put(web, 7, v(1), "{}");
        store.put(web, 7, v(2), "{}");

        assertThat(store.delete(web)).isTrue();

        assertThat(store.get(web)).isEmpty();
        assertThat(store.versions(web)).isEmpty();
        assertThat(store.version(web, v(1))).isEmpty();
        assertThat(store.ids(AppId.ROOT)).isEmpty();
        assertThat(store.inShard(7)).containsExactly("/web");
        store.forget(web, 7);
        assertThat(store.inShard(7)).isEmpty();
    }

    @Test
    void absentApps_readAsEmpty_andDeleteSaysNothingWasThere() {
        assertThat(store.get(WEB)).isEmpty();
        assertThat(store.versions(WEB)).isEmpty();
        assertThat(store.version(WEB, v(1))).isEmpty();
        assertThat(store.inShard(3)).isEmpty();
        assertThat(store.delete(WEB)).isFalse();
    }

    static String v(int n) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n) + "";
    }
}
