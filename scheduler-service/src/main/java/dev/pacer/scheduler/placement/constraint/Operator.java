package dev.pacer.scheduler.placement.constraint;

import java.util.Locale;
import java.util.Optional;

/** Marathon's constraint operators (reference §4.1). */
public enum Operator {
    /** At most one task per distinct value of the field. */
    UNIQUE,
    /** Only agents with the given value; without a value, the value of the app's existing tasks. */
    CLUSTER,
    /** Spread evenly over the field's values; an optional integer names how many values to expect. */
    GROUP_BY,
    /** Only agents whose value fully matches the regular expression. */
    LIKE,
    /** Only agents whose value does not fully match the regular expression (or that lack the field). */
    UNLIKE,
    /** At most N tasks per distinct value of the field. */
    MAX_PER,
    /** Only agents whose value equals the given one. */
    IS;

    /** The operator named {@code raw}, case-insensitively (Marathon upper-cases before checking). */
    public static Optional<Operator> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(raw.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
