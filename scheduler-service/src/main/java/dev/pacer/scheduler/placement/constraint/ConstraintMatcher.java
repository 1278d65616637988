package dev.pacer.scheduler.placement.constraint;

import com.google.re2j.Pattern;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The semantics of one {@link Constraint} (reference §4.1): whether an agent with a given value of
 * the field may take one more task of the app. An agent that lacks the field matches only UNLIKE.
 * LIKE/UNLIKE patterns match the whole value, in linear time ({@link ConstraintPatterns}); a pattern
 * those rules refuse (stored before them) accepts no agent, for LIKE and UNLIKE alike.
 */
public final class ConstraintMatcher {

    private final Constraint constraint;
    private final Pattern pattern;

    public ConstraintMatcher(Constraint constraint) {
        this.constraint = constraint;
        boolean regex = constraint.operator() == Operator.LIKE || constraint.operator() == Operator.UNLIKE;
        this.pattern = regex ? ConstraintPatterns.compile(constraint.value()).orElse(null) : null;
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
        return prepare(placed, offered).test(value);
    }

    /** {@link #accepts} for many agents of one pick: what depends on the pick only is worked out once. */
    public Predicate<String> prepare(ValueCounts placed, Set<String> offered) {
        Predicate<String> test = switch (constraint.operator()) {
            case UNIQUE -> value -> placed.count(value) == 0;
            case CLUSTER -> constraint.hasValue() ? constraint.value()::equals : value -> pinnedTo(value, placed);
            case GROUP_BY -> {
                int smallest = smallestGroup(placed, offered);
                yield value -> placed.count(value) <= smallest;
            }
            case LIKE -> value -> pattern != null && pattern.matcher(value).matches();
            case UNLIKE -> value -> pattern != null && !pattern.matcher(value).matches();
            case MAX_PER -> {
                int limit = constraint.intValue(0);
                yield value -> placed.count(value) < limit;
            }
            case IS -> constraint.value()::equals;
        };
        boolean lackingMatches = constraint.operator() == Operator.UNLIKE && pattern != null;
        return value -> value == null ? lackingMatches : test.test(value);
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
