package dev.pacer.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BackoffStore} does; each implementation's test extends this with its own store. */
abstract class BackoffStoreContract {

    static final AppId WEB = AppId.parse("/web");

    BackoffStore store;

    abstract BackoffStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void put_thenGet_toTheMillisecond() {
        Backoff backoff = new Backoff(3, Instant.parse("2026-01-01T00:00:05.250Z"));
        store.put(WEB, backoff);
        assertThat(store.get(WEB)).isEqualTo(backoff);
        assertThat(store.get(AppId.parse("/other"))).isEqualTo(Backoff.NONE);
    }

    @Test
    void aBackoffWithoutDelay_readsBackWithTheEpoch_whichDelaysNothing() {
        store.put(WEB, new Backoff(1, null));
        Backoff read = store.get(WEB);
        assertThat(read).isEqualTo(new Backoff(1, Instant.EPOCH));
        assertThat(read.delays(Instant.parse("2026-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void reset_forgetsIt() {
        store.put(WEB, new Backoff(2, Instant.parse("2026-01-01T00:00:05Z")));
        store.reset(WEB);
        assertThat(store.get(WEB)).isEqualTo(Backoff.NONE);
        store.reset(WEB);
    }
}
