package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/** Optional limits above the requested resources (Marathon 1.10+); each a number or {@code "unlimited"}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceLimits(Limit cpus, Limit mem) {

    /** A number, or {@code "unlimited"} (then {@code value} is null). */
    public record Limit(Double value) {

        public static final String UNLIMITED = "unlimited";

        public boolean isUnlimited() {
            return value == null;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Limit fromJson(Object json) {
            if (UNLIMITED.equals(json)) {
                return new Limit(null);
            }
            if (json instanceof Number number) {
                return new Limit(number.doubleValue());
            }
            throw new IllegalArgumentException("expected a number or \"unlimited\"");
        }

        @JsonValue
        Object toJson() {
            return value == null ? UNLIMITED : value;
        }
    }
}
