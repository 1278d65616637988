package dev.pacer.scheduler.placement.constraint;

import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.FIELD_COUNT;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.GROUP_BY_INT;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.ILLEGAL_SPECIFICATION;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.IS_ONLY_TEXT;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.IS_REQUIRES_VALUE;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.LIKE_UNLIKE_REGEX;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.MAX_PER_INT;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.OPERATOR_INVALID;
import static dev.pacer.scheduler.placement.constraint.ConstraintMessages.UNIQUE_NO_VALUE;

import dev.pacer.contract.error.ErrorDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an app's {@code constraints} as Marathon does ({@code SchedulingValidation.scala}): one
 * {@link ErrorDetail} per failing constraint, at path {@code /constraints(i)}, with Marathon's message.
 *
 * <p>One leniency: a value of {@code ""} counts as absent, because the Marathon Java client sends
 * {@code ["hostname","UNIQUE",""]} for a constraint without a value.
 */
public final class ConstraintValidator {

    /** Values {@code IS} accepts: Mesos text and scalar literals. */
    private static final Pattern LITERAL_OR_FLOAT = Pattern.compile("[a-zA-Z0-9_/.-]*");

    private ConstraintValidator() {
    }

    /** Every violation in {@code constraints} (empty when all are valid; {@code null} counts as none). */
    public static List<ErrorDetail> validate(List<List<String>> constraints) {
        List<ErrorDetail> errors = new ArrayList<>();
        if (constraints == null) {
            return errors;
        }
        for (int i = 0; i < constraints.size(); i++) {
            int index = i;
            violation(constraints.get(i)).ifPresent(message ->
                    errors.add(ErrorDetail.of(path(index), message)));
        }
        return errors;
    }

    /** The JSON path Marathon reports for the constraint at {@code index}. */
    public static String path(int index) {
        return "/constraints(" + index + ")";
    }

    /** The message for one constraint, if it is invalid. */
    static Optional<String> violation(List<String> constraint) {
        if (constraint == null || constraint.size() < 2 || constraint.size() > 3) {
            return Optional.of(FIELD_COUNT);
        }
        String field = constraint.get(0);
        if (field == null || field.isEmpty()) {
            return Optional.of(ILLEGAL_SPECIFICATION);
        }
        Optional<Operator> operator = Operator.parse(constraint.get(1));
        if (operator.isEmpty()) {
            return Optional.of(OPERATOR_INVALID);
        }
        return Optional.ofNullable(valueViolation(operator.get(), Constraint.valueOf(constraint)));
    }

    private static String valueViolation(Operator operator, String value) {
        return switch (operator) {
            case UNIQUE -> value == null ? null : UNIQUE_NO_VALUE;
            case CLUSTER -> null;
            case GROUP_BY -> value == null || isInt(value) ? null : GROUP_BY_INT;
            case MAX_PER -> value != null && isInt(value) ? null : MAX_PER_INT;
            case LIKE, UNLIKE -> value == null ? LIKE_UNLIKE_REGEX : ConstraintPatterns.problem(value).orElse(null);
            case IS -> value == null ? IS_REQUIRES_VALUE : LITERAL_OR_FLOAT.matcher(value).matches() ? null : IS_ONLY_TEXT;
        };
    }

    private static boolean isInt(String value) {
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
