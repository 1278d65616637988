package dev.pacer.scheduler.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void delayGrowsByTheFactor_andIsCapped() {
        assertThat(Backoff.delay(1, 1, 1.15, 300)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.delay(2, 1, 1.15, 300)).isEqualTo(Duration.ofMillis(1150));
        assertThat(Backoff.delay(3, 10, 2, 300)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Backoff.delay(50, 1, 2, 300)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void afterFailures_launchesWaitUntilTheDelayPasses() {
        Backoff backoff = Backoff.NONE.afterFailure(NOW, 2, 2, 300).afterFailure(NOW, 2, 2, 300);
        assertThat(backoff.failures()).isEqualTo(2);
        assertThat(backoff.delays(NOW.plusSeconds(3))).isTrue();
        assertThat(backoff.timeLeft(NOW.plusSeconds(3))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delays(NOW.plusSeconds(4))).isFalse();
    }
}
