package dev.pacer.scheduler.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskHealthStore} does; each implementation's test extends this with its own store and
 * says how a checker writes results (health-service and the agents do, never the scheduler).
 */
abstract class TaskHealthStoreContract {

    static final AppId WEB = AppId.parse("/web");
    static final AppId DB = AppId.parse("/db");

    TaskHealthStore store;

    /** An empty store. */
    abstract TaskHealthStore newStore();

    /** Writes a result as its checker would. */
    abstract void write(AppId app, HealthResult result);

    abstract void writeCheckerStats(String instance, CheckerStats stats);

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void ofApp_groupsResultsByTask_orderedByCheckIndex() {
        write(WEB, result("t1", 1, false));
        write(WEB, result("t1", 0, true));
        write(WEB, result("t2", 0, true));
        write(DB, result("t3", 0, true));

        Map<String, List<HealthResult>> web = store.ofApp(WEB);

        assertThat(web).containsOnlyKeys("t1", "t2");
        assertThat(web.get("t1")).containsExactly(result("t1", 0, true), result("t1", 1, false));
    }

    @Test
    void aNewResult_replacesThatChecksOldOne() {
        write(WEB, result("t1", 0, true));
        write(WEB, result("t1", 0, false));
        assertThat(store.ofApp(WEB).get("t1")).containsExactly(result("t1", 0, false));
    }

    @Test
    void ofApps_answersEveryAppAsked_inTheOrderAsked() {
        write(WEB, result("t1", 0, true));
        write(DB, result("t3", 0, true));

        Map<AppId, Map<String, List<HealthResult>>> all = store.ofApps(List.of(DB, AppId.parse("/none"), WEB));

        assertThat(all.keySet()).containsExactly(DB, AppId.parse("/none"), WEB);
        assertThat(all.get(AppId.parse("/none"))).isEmpty();
        assertThat(all.get(WEB)).containsOnlyKeys("t1");
    }

    @Test
    void retainOnly_deletesTheResultsOfTasksNotLive() {
        write(WEB, result("t1", 0, true));
        write(WEB, result("t2", 0, true));
        write(WEB, result("t2", 1, true));

        store.retainOnly(WEB, Set.of("t1"), store.ofApp(WEB));

        assertThat(store.ofApp(WEB)).containsOnlyKeys("t1");
    }

    @Test
    void checkerStats_listsEveryInstance() {
        writeCheckerStats("h1", new CheckerStats(10, 1, 1000));
        writeCheckerStats("h2", new CheckerStats(20, 0, 2000));
        assertThat(store.checkerStats()).containsExactlyInAnyOrder(new CheckerStats(10, 1, 1000), new CheckerStats(20, 0, 2000));
    }

    @Test
    void nothingWritten_readsAsEmpty() {
        assertThat(store.ofApp(WEB)).isEmpty();
        assertThat(store.checkerStats()).isEmpty();
        store.retainOnly(WEB, Set.of(), Map.of());
    }

    static HealthResult result(String taskId, int checkIndex, boolean alive) {
        return new HealthResult(taskId, taskId, checkIndex, "v1", alive, alive ? 0 : 1, null, null, null, null);
    }
}
