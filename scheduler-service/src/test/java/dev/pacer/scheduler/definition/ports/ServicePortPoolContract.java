package dev.pacer.scheduler.definition.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ServicePortPool} does; each implementation's test extends this with its own pool. */
abstract class ServicePortPoolContract {

    ServicePortPool pool;

    /** An empty pool: no port used. */
    abstract ServicePortPool newPool();

    @BeforeEach
    void createPool() {
        pool = newPool();
    }

    @Test
    void take_startsAtTheOffset_andWrapsRound_neverHandingOutAPortTwice() {
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(pool.take(10000, 10002, 1));
        }
        assertThat(taken).containsExactly(10001, 10002, 10000);
        assertThat(pool.take(10000, 10002, 0)).as("the range is used up").isEqualTo(-1);
    }

    @Test
    void aReleasedPort_isTakenAgain() {
        pool.take(10000, 10001, 0);
        pool.take(10000, 10001, 0);
        pool.release(10000);
        pool.release(12345);
        assertThat(pool.take(10000, 10001, 1)).isEqualTo(10000);
    }
}
