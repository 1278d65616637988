package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happens to instances on an unreachable agent: the string {@code "disabled"} on the wire, or
 * {@code {"inactiveAfterSeconds": n, "expungeAfterSeconds": m}} (either may be absent before
 * normalisation, which fills 0).
 */
public record UnreachableStrategy(boolean disabled, Long inactiveAfterSeconds, Long expungeAfterSeconds) {

    public static final String DISABLED_JSON = "disabled";
    public static final UnreachableStrategy DISABLED = new UnreachableStrategy(true, null, null);

    public UnreachableStrategy {
        if (disabled && (inactiveAfterSeconds != null || expungeAfterSeconds != null)) {
            throw new IllegalArgumentException("a disabled unreachable strategy has no timeouts");
        }
    }

    public static UnreachableStrategy enabled(Long inactiveAfterSeconds, Long expungeAfterSeconds) {
        return new UnreachableStrategy(false, inactiveAfterSeconds, expungeAfterSeconds);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static UnreachableStrategy fromJson(Object json) {
        if (DISABLED_JSON.equals(json)) {
            return DISABLED;
        }
        if (json instanceof Map<?, ?> object) {
            return enabled(seconds(object.get("inactiveAfterSeconds")), seconds(object.get("expungeAfterSeconds")));
        }
        throw new IllegalArgumentException(
                "expected \"disabled\" or an object {\"inactiveAfterSeconds\": n, \"expungeAfterSeconds\": m}");
    }

    private static Long seconds(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw new IllegalArgumentException("unreachableStrategy timeouts must be whole numbers of seconds");
    }

    @JsonValue
    Object toJson() {
        if (disabled) {
            return DISABLED_JSON;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        if (inactiveAfterSeconds != null) {
            object.put("inactiveAfterSeconds", inactiveAfterSeconds);
        }
        if (expungeAfterSeconds != null) {
            object.put("expungeAfterSeconds", expungeAfterSeconds);
        }
        return object;
    }
}
