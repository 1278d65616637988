package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * A Marathon timestamp (reference §1): always UTC with milliseconds, {@code 2015-09-29T15:59:51.164Z}.
 * Input accepts any ISO-8601 date-time (an offset is converted to UTC; none means UTC); the value is
 * truncated to milliseconds so that writing and reading it again gives the same timestamp.
 */
public record Timestamp(Instant instant) implements Comparable<Timestamp> {

    /** The one output pattern of Marathon's {@code state/Timestamp}. */
    public static final String PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneOffset.UTC);

    public Timestamp {
        Objects.requireNonNull(instant, "instant");
        instant = instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static Timestamp of(Instant instant) {
        return new Timestamp(instant);
    }

    public static Timestamp now(Clock clock) {
        return new Timestamp(clock.instant());
    }

    /** Parses any ISO-8601 date-time; throws {@link IllegalArgumentException} naming the expected form. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Timestamp parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected an ISO-8601 timestamp such as 2015-09-29T15:59:51.164Z");
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
            Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            return new Timestamp(instant);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("expected an ISO-8601 timestamp such as 2015-09-29T15:59:51.164Z", e);
        }
    }

    /** Formats an instant the way Marathon writes every timestamp. */
    public static String format(Instant instant) {
        return OUTPUT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public int compareTo(Timestamp other) {
        return instant.compareTo(other.instant);
    }

    @JsonValue
    @Override
    public String toString() {
        return format(instant);
    }
}
