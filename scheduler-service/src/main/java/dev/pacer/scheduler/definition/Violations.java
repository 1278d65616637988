package dev.pacer.scheduler.definition;

import dev.pacer.contract.error.ErrorDetail;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects validation messages by path, in the order found; one {@link ErrorDetail} per path. */
final class Violations {

    static final String NOT_FINITE = "must be a finite number";

    private final Map<String, List<String>> byPath = new LinkedHashMap<>();

    void add(String path, String message) {
        List<String> messages = byPath.computeIfAbsent(path, p -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    void addAll(List<ErrorDetail> details) {
        for (ErrorDetail detail : details) {
            detail.errors().forEach(message -> add(detail.path(), message));
        }
    }

    void check(boolean ok, String path, String message) {
        if (!ok) {
            add(path, message);
        }
    }

    /** Also refuses a number that is not finite ({@code 1e999} reads as infinity). */
    void atLeast(String path, Number value, double minimum) {
        finite(path, value);
        check(value == null || value.doubleValue() >= minimum, path, "must be greater than or equal to " + number(minimum));
    }

    void finite(String path, Number value) {
        check(value == null || Double.isFinite(value.doubleValue()), path, NOT_FINITE);
    }

    void atMost(String path, Number value, double maximum) {
        check(value == null || value.doubleValue() <= maximum, path, "is greater than " + number(maximum));
    }

    void between(String path, Number value, double minimum, double maximum) {
        atLeast(path, value, minimum);
        atMost(path, value, maximum);
    }

    void oneOf(String path, String value, List<String> allowed) {
        check(value == null || allowed.contains(value), path, "must be one of " + String.join(", ", allowed));
    }

    void notEmpty(String path, String value) {
        check(value != null && !value.isEmpty(), path, "must not be empty");
    }

    List<ErrorDetail> details() {
        return byPath.entrySet().stream().map(e -> new ErrorDetail(e.getKey(), e.getValue())).toList();
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
