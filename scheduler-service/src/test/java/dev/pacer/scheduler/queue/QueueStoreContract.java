package dev.pacer.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link QueueStore} does; each implementation's test extends this with its own store. */
abstract class QueueStoreContract {

    static final AppId WEB = AppId.parse("/web");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123Z");

    QueueStore store;

    abstract QueueStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void waiting_keepsTheFirstSince_andTheLatestCountAndReasons() {
        store.waiting(WEB, 3, Map.of("insufficient_mem", 2), T0);
        store.waiting(WEB, 2, Map.of("insufficient_cpus", 1), T0.plusSeconds(5));

        assertThat(store.find(WEB)).contains(new QueueStore.Entry("/web", 2, T0, Map.of("insufficient_cpus", 1)));
    }

    @Test
    void all_isInAppIdOrder_andDoneRemovesTheEntry() {
        store.waiting(AppId.parse("/web"), 1, Map.of(), T0);
        store.waiting(AppId.parse("/api"), 1, Map.of(), T0);
        store.waiting(AppId.parse("/db"), 1, Map.of(), T0);

        store.done(AppId.parse("/db"));

        assertThat(store.all()).extracting(QueueStore.Entry::appId).containsExactly("/api", "/web");
        assertThat(store.find(AppId.parse("/db"))).isEmpty();
    }

    @Test
    void aDoneApp_startsANewSinceWhenItWaitsAgain() {
        store.waiting(WEB, 1, Map.of(), T0);
        store.done(WEB);
        store.waiting(WEB, 1, Map.of(), T0.plusSeconds(9));
        assertThat(store.find(WEB)).hasValueSatisfying(e -> assertThat(e.since()).isEqualTo(T0.plusSeconds(9)));
    }

    @Test
    void nothingWaiting_readsAsEmpty() {
        assertThat(store.find(WEB)).isEmpty();
        assertThat(store.all()).isEmpty();
        store.done(WEB);
    }
}
