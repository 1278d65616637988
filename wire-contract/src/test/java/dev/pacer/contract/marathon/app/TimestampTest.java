package dev.pacer.contract.marathon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampTest {

    @Test
    void writesUtcWithMillisecondsAlwaysPresent() {
        assertThat(Timestamp.of(Instant.parse("2015-09-29T15:59:51Z"))).hasToString("2015-09-29T15:59:51.000Z");
        assertThat(Timestamp.format(Instant.parse("2015-09-29T15:59:51.164789Z"))).isEqualTo("2015-09-29T15:59:51.164Z");
    }

    @Test
    void readsAnyIsoDateTime_offsetsConvertedAndNoZoneMeaningUtc() {
        assertThat(Timestamp.parse("2015-09-29T17:59:51.164+02:00")).hasToString("2015-09-29T15:59:51.164Z");
        assertThat(Timestamp.parse("2015-09-29T15:59:51")).hasToString("2015-09-29T15:59:51.000Z");
        assertThat(Timestamp.parse("2015-09-29T15:59:51.164Z")).isEqualTo(Timestamp.parse("2015-09-29T15:59:51.164Z"));
    }

    @Test
    void rejectsWhatIsNotATimestamp() {
        assertThatThrownBy(() -> Timestamp.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Timestamp.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nowComesFromTheClock_truncatedToMilliseconds() {
        Clock clock = Clock.fixed(Instant.parse("2021-07-27T10:00:00.123999Z"), ZoneOffset.UTC);

        assertThat(Timestamp.now(clock).instant()).isEqualTo(Instant.parse("2021-07-27T10:00:00.123Z"));
        assertThat(Timestamp.now(clock)).isEqualByComparingTo(Timestamp.parse("2021-07-27T10:00:00.123Z"));
    }

    @Test
    void envValue_isEitherAStringOrASecretReference() {
        assertThat(EnvValue.of("v").isSecret()).isFalse();
        assertThat(EnvValue.secretRef("db").isSecret()).isTrue();
        assertThatThrownBy(() -> new EnvValue("v", "db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnvValue(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void disabledUnreachableStrategy_hasNoTimeouts() {
        assertThat(UnreachableStrategy.DISABLED.disabled()).isTrue();
        assertThatThrownBy(() -> new UnreachableStrategy(true, 1L, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
