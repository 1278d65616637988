package dev.pacer.contract.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthCountingTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static HealthCounting.Step probe(HealthResult previous, boolean ok, int secondsAfterStart) {
        return HealthCounting.probe(previous, "/a", "a.t1", "a.i1", 0, "v1", ok, ok ? null : "HTTP 500",
                START.plusSeconds(secondsAfterStart), START, 10, 3);
    }

    @Test
    void failuresInsideGraceBeforeTheFirstSuccess_areIgnored() {
        assertThat(probe(null, false, 5)).isEqualTo(new HealthCounting.Step(null, null));
    }

    @Test
    void afterGrace_failuresCount_andTheThirdExceeds_once() {
        HealthCounting.Step first = probe(null, false, 11);
        assertThat(first.result().consecutiveFailures()).isEqualTo(1);
        assertThat(first.transition().alive()).isFalse();
        assertThat(first.transition().exceeded()).isFalse();
        HealthCounting.Step second = probe(first.result(), false, 12);
        assertThat(second.transition()).isNull();
        HealthCounting.Step third = probe(second.result(), false, 13);
        assertThat(third.result().exceeds(3)).isTrue();
        assertThat(third.transition().exceeded()).isTrue();
        assertThat(probe(third.result(), false, 14).transition()).isNull();
    }

    @Test
    void afterAFirstSuccess_graceNoLongerProtects_andASuccessResetsTheCount() {
        HealthCounting.Step ok = probe(null, true, 1);
        assertThat(ok.result().alive()).isTrue();
        assertThat(ok.transition().alive()).isTrue();
        HealthCounting.Step failed = probe(ok.result(), false, 2);
        assertThat(failed.result().consecutiveFailures()).isEqualTo(1);
        assertThat(failed.result().firstSuccess()).isEqualTo(ok.result().firstSuccess());
        assertThat(failed.transition().alive()).isFalse();
        HealthCounting.Step back = probe(failed.result(), true, 3);
        assertThat(back.result().consecutiveFailures()).isZero();
        assertThat(back.result().lastFailureCause()).isEqualTo("HTTP 500");
        assertThat(back.transition().alive()).isTrue();
        assertThat(probe(back.result(), true, 4).transition()).isNull();
    }

    @Test
    void maxConsecutiveFailuresZero_neverExceeds() {
        HealthCounting.Step step = HealthCounting.probe(null, "/a", "a.t1", "a.i1", 0, "v1", false, "x",
                START.plusSeconds(100), START, 0, 0);
        assertThat(step.transition().exceeded()).isFalse();
        assertThat(step.result().exceeds(0)).isFalse();
    }
}
