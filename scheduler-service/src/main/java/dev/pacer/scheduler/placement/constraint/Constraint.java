package dev.pacer.scheduler.placement.constraint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One placement constraint, Marathon's {@code [field, OPERATOR(, value)]}.
 *
 * @param field    {@code hostname}/{@code @hostname}, {@code @zone}, {@code @region} or an agent attribute
 * @param operator the operator
 * @param value    the value, or {@code null} when absent ({@code ""} on the wire counts as absent)
 */
public record Constraint(String field, Operator operator, String value) {

    public Constraint {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("a constraint needs a field");
        }
        Objects.requireNonNull(operator, "operator");
        if (value != null && value.isEmpty()) {
            value = null;
        }
    }

    public static Constraint of(String field, Operator operator) {
        return new Constraint(field, operator, null);
    }

    /**
     * Parses constraints already checked with {@link ConstraintValidator#validate}; duplicates collapse
     * (Marathon keeps constraints as a set), the first occurrence's position wins.
     *
     * @throws IllegalArgumentException naming the first invalid constraint
     */
    public static List<Constraint> parseAll(List<List<String>> constraints) {
        if (constraints == null) {
            return List.of();
        }
        Set<Constraint> parsed = new LinkedHashSet<>();
        for (int i = 0; i < constraints.size(); i++) {
            List<String> raw = constraints.get(i);
            int index = i;
            ConstraintValidator.violation(raw).ifPresent(message -> {
                throw new IllegalArgumentException(ConstraintValidator.path(index) + ": " + message);
            });
            parsed.add(new Constraint(raw.get(0), Operator.parse(raw.get(1)).orElseThrow(), valueOf(raw)));
        }
        return List.copyOf(new ArrayList<>(parsed));
    }

    /** The third element of a raw constraint, {@code null} when missing or empty. */
    static String valueOf(List<String> raw) {
        String value = raw.size() == 3 ? raw.get(2) : null;
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean hasValue() {
        return value != null;
    }

    /** The value as an integer (GROUP_BY's expected value count, MAX_PER's limit), or {@code fallback}. */
    public int intValue(int fallback) {
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** Name used in decline reasons and metrics, e.g. {@code constraint_UNIQUE_hostname}. */
    public String reason() {
        return "constraint_" + operator + "_" + field;
    }

    /** Marathon's wire form. */
    public List<String> toWire() {
        return value == null ? List.of(field, operator.name()) : List.of(field, operator.name(), value);
    }
}
