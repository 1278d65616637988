package dev.pacer.scheduler.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link GroupStore} does; each implementation's test extends this with its own store. */
abstract class GroupStoreContract {

    private static final AppId TEAM = AppId.parse("/team");

    GroupStore store;

    /** An empty store keeping at most {@code maxVersions} snapshots per group. */
    abstract GroupStore newStore(int maxVersions);

    @BeforeEach
    void createStore() {
        store = newStore(2);
    }

    @Test
    void explicit_listsTheGroupAndThoseBelowIt_inIdOrder_withTheirDependencies() {
        store.save(AppId.parse("/team/db"), List.of());
        store.save(TEAM, List.of("/base"));
        store.save(AppId.parse("/team-b"), List.of());
        store.save(AppId.parse("/team/api"), List.of("/team/db"));

        assertThat(store.explicit(TEAM)).containsExactly(
                Map.entry(TEAM, List.of("/base")),
                Map.entry(AppId.parse("/team/api"), List.of("/team/db")),
                Map.entry(AppId.parse("/team/db"), List.of()));
        assertThat(store.explicit(AppId.ROOT).keySet()).extracting(AppId::toString)
                .containsExactly("/team", "/team-b", "/team/api", "/team/db");
    }

    @Test
    void save_ofAnExistingGroup_replacesItsDependencies() {
        store.save(TEAM, List.of("/a"));
        store.save(TEAM, List.of("/b", "/c"));
        assertThat(store.explicit(TEAM)).containsExactly(Map.entry(TEAM, List.of("/b", "/c")));
    }

    @Test
    void versions_areBounded_oldestDroppedFirst_newestListedFirst() {
        for (int i = 1; i <= 3; i++) {
            store.saveVersion(snapshot("/team", i));
        }
        assertThat(store.versions(TEAM)).containsExactly(v(3), v(2));
        assertThat(store.version(TEAM, v(2))).contains(snapshot("/team", 2));
        assertThat(store.version(TEAM, v(1))).isEmpty();
    }

    @Test
    void deleteUnder_removesTheGroupsBelow_andTheirVersions_butNotNeighbours() {
        store.save(TEAM, List.of());
        store.save(AppId.parse("/team/db"), List.of());
        store.save(AppId.parse("/teams"), List.of());
        store.saveVersion(snapshot("/team", 1));
        store.saveVersion(snapshot("/teams", 1));

        store.deleteUnder(TEAM);

        assertThat(store.explicit(AppId.ROOT).keySet()).containsExactly(AppId.parse("/teams"));
        assertThat(store.versions(TEAM)).isEmpty();
        assertThat(store.version(TEAM, v(1))).isEmpty();
        assertThat(store.versions(AppId.parse("/teams"))).containsExactly(v(1));
    }

    @Test
    void absentGroups_readAsEmpty() {
        assertThat(store.explicit(TEAM)).isEmpty();
        assertThat(store.versions(TEAM)).isEmpty();
        assertThat(store.version(TEAM, v(1))).isEmpty();
        store.deleteUnder(TEAM);
    }

    private static GroupSnapshot snapshot(String id, int n) {
        return new GroupSnapshot(id, v(n), Map.of(id + "/web", v(n)), List.of(id), Map.of(id, List.of("/base")));
    }

    private static String v(int n) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n) + "";
    }
}
