package dev.pacer.boot.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };

    @Test
    void declaredLengthOverTheLimit_isRefusedBeforeReading() {
        BodyBudget budget = new BodyBudget(100, Duration.ofSeconds(1), clock);
        assertThatCode(() -> budget.checkDeclared(-1)).doesNotThrowAnyException();
        assertThatCode(() -> budget.checkDeclared(100)).doesNotThrowAnyException();
        assertThatThrownBy(() -> budget.checkDeclared(101))
                .isInstanceOfSatisfying(RequestBodyLimitException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void bytesAreCountedOverChunks_theOneThatCrossesTheLimitFails() throws Exception {
        BodyBudget budget = new BodyBudget(100, Duration.ofSeconds(1), clock);
        budget.received(60);
        budget.received(40);
        assertThat(budget.received()).isEqualTo(100);
        assertThatThrownBy(() -> budget.received(1))
                .isInstanceOfSatisfying(RequestBodyLimitException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("Request body is larger than the limit of 100 bytes");
                });
    }

    @Test
    void aBodyStillArrivingAfterTheDeadline_is408_andARestartKeepsTheDeadline() throws Exception {
        BodyBudget budget = new BodyBudget(100, Duration.ofSeconds(1), clock);
        now.addAndGet(900);
        budget.received(1);
        assertThat(budget.remaining()).isEqualTo(Duration.ofMillis(100));
        BodyBudget again = budget.restart();
        assertThat(again.received()).isZero();
        now.addAndGet(101);
        assertThatThrownBy(() -> budget.received(1))
                .isInstanceOfSatisfying(RequestBodyLimitException.class, e -> assertThat(e.status()).isEqualTo(408));
        assertThatThrownBy(again::checkTime).isInstanceOf(RequestBodyLimitException.class);
        assertThat(again.remaining()).isZero();
    }
}
