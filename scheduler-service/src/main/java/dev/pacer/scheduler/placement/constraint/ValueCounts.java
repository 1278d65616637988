package dev.pacer.scheduler.placement.constraint;

import java.util.Map;
import java.util.OptionalInt;

/**
 * How an app's tasks spread over the values of one field.
 *
 * @param byValue tasks per value, only values with at least one task
 * @param lacking tasks on agents that lack the field (or that are no longer known)
 */
public record ValueCounts(Map<String, Integer> byValue, int lacking) {

    public static final ValueCounts NONE = new ValueCounts(Map.of(), 0);

    public ValueCounts {
        byValue = Map.copyOf(byValue);
    }

    public int count(String value) {
        return value == null ? lacking : byValue.getOrDefault(value, 0);
    }

    /** Number of distinct values in use. */
    public int distinct() {
        return byValue.size();
    }

    /** The smallest task count of a value in use, if any is. */
    public OptionalInt min() {
        return byValue.values().stream().mapToInt(Integer::intValue).min();
    }
}
