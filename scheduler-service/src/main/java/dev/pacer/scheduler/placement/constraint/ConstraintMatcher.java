package dev.pacer.scheduler.placement.constraint;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The semantics of one {@link Constraint} (reference §4.1): whether an agent with a given value of
 * the field may take one more task of the app. An agent that lacks the field matches only UNLIKE.
 */
public final class ConstraintMatcher {

    private final Constraint constraint;
    private final Pattern pattern;

    public ConstraintMatcher(Constraint constraint) {
        this.constraint = constraint;
        boolean regex = constraint.operator() == Operator.LIKE || constraint.operator() == Operator.UNLIKE;
        this.pattern = regex ? Pattern.compile(constraint.value()) : null;
    }

    public Constraint constraint() {
        return constraint;
    }

    /**
     * @param value   the candidate agent's value of the field, {@code null} when it lacks it
     * @param placed  how the app's current tasks spread over the field's values
     * @param offered the values the agents still in the running have (GROUP_BY spreads over them)
     */
    public boolean accepts(String value, ValueCounts placed, Set<String> offered) {
        if (value == null) {
            return constraint.operator() == Operator.UNLIKE;
        }
        return switch (constraint.operator()) {
            case UNIQUE -> placed.count(value) == 0;
            case CLUSTER -> constraint.hasValue() ? value.equals(constraint.value()) : pinnedTo(value, placed);
            case GROUP_BY -> placed.count(value) <= smallestGroup(placed, offered);
            case LIKE -> pattern.matcher(value).matches();
            case UNLIKE -> !pattern.matcher(value).matches();
            case MAX_PER -> placed.count(value) < constraint.intValue(0);
            case IS -> value.equals(constraint.value());
        };
    }

    /** CLUSTER without a value: the value all existing tasks share; any value while there are none. */
    private static boolean pinnedTo(String value, ValueCounts placed) {
        return placed.distinct() == 0 || placed.distinct() == 1 && placed.byValue().containsKey(value);
    }

    /**
     * GROUP_BY: a value is feasible when its count is the smallest among the known values. Values not
     * used yet count as 0 — without a count always, with a count N only until N distinct values are used.
     */
    private int smallestGroup(ValueCounts placed, Set<String> offered) {
        boolean unusedCount = !constraint.hasValue() || placed.distinct() < constraint.intValue(0);
        if (placed.distinct() == 0 || unusedCount && !placed.byValue().keySet().containsAll(offered)) {
            return 0;
        }
        return placed.min().orElse(0);
    }
}
