package dev.pacer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties.Throttle(3, 5, Duration.ofSeconds(60), 4), clock);

    @Test
    void aPrincipal_isBlockedAfterItsFailures_untilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("alice", "10.0.0.1")).isZero();
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.blockedFor("alice", "10.0.0.9")).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.blockedFor("bob", "10.0.0.9")).isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.blockedFor("alice", null)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("alice", null)).isZero();
        throttle.failed("alice", null);
        assertThat(throttle.blockedFor("alice", null)).isZero();
    }

    @Test
    void anAddress_isBlockedAfterItsFailures_whateverTheNamesTried() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.blockedFor("someone-else", "10.0.0.1")).isPositive();
        assertThat(throttle.blockedFor(null, "10.0.0.1")).isPositive();
        assertThat(throttle.blockedFor("someone-else", "10.0.0.2")).isZero();
    }

    @Test
    void aFullTable_dropsExpiredEntries_andNeverGrowsBeyondItsBound() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, null);
        }
        for (int i = 0; i < 3; i++) {
            throttle.failed("user0", null);
        }
        assertThat(throttle.blockedFor("user0", null)).isPositive();
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 3; i++) {
            throttle.failed("late", null);
        }
        assertThat(throttle.blockedFor("late", null)).isPositive();
    }

    @Test
    void longNames_areTrackedByDigest() {
        String name = "x".repeat(10_000);
        for (int i = 0; i < 3; i++) {
            throttle.failed(name, null);
        }
        assertThat(throttle.blockedFor(name, null)).isPositive();
        assertThat(throttle.blockedFor(name + "y", null)).isZero();
    }
}
