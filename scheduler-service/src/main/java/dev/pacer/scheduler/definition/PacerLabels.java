package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.PacerExtensions;
import java.util.Map;

/**
 * Pacer's extensions spelt as labels, the way the Marathon ecosystem extends apps (marathon-lb's
 * {@code HAPROXY_*}): a client that knows only Marathon's fields sets them with {@code labels}.
 *
 * <pre>{@code
 * "labels": {"PACER_CANARY_INSTANCES": "1", "PACER_AUTO_REVERT_DEADLINE_SECONDS": "300"}
 * "labels": {"PACER_BLUE_GREEN_KEEP_OLD_SECONDS": "600"}
 * }</pre>
 *
 * A field of the {@code pacer} object wins over its label; each label's value is a decimal integer.
 */
public final class PacerLabels {

    public static final String CANARY_INSTANCES = "PACER_CANARY_INSTANCES";
    public static final String AUTO_REVERT_DEADLINE_SECONDS = "PACER_AUTO_REVERT_DEADLINE_SECONDS";
    public static final String BLUE_GREEN_KEEP_OLD_SECONDS = "PACER_BLUE_GREEN_KEEP_OLD_SECONDS";

    private PacerLabels() {
    }

    /** The app's extensions: its {@code pacer} object, completed by its labels; null when it has neither. */
    public static PacerExtensions effective(AppDefinition app) {
        PacerExtensions own = app.pacer();
        Map<String, String> labels = app.labels() == null ? Map.of() : app.labels();
        Integer canary = integer(labels.get(CANARY_INSTANCES));
        Integer revert = integer(labels.get(AUTO_REVERT_DEADLINE_SECONDS));
        Integer keepOld = integer(labels.get(BLUE_GREEN_KEEP_OLD_SECONDS));
        if (canary == null && revert == null && keepOld == null) {
            return own;
        }
        PacerExtensions.Canary c = own != null && own.canary() != null ? own.canary()
                : canary == null ? null : new PacerExtensions.Canary(canary);
        PacerExtensions.AutoRevert r = own != null && own.autoRevert() != null ? own.autoRevert()
                : revert == null ? null : new PacerExtensions.AutoRevert(revert);
        PacerExtensions.BlueGreen b = own != null && own.blueGreen() != null ? own.blueGreen()
                : keepOld == null ? null : new PacerExtensions.BlueGreen(keepOld);
        return new PacerExtensions(c, r, b);
    }

    /** Each Pacer label present holds an integer in its range; the effective extensions hold together. */
    static void validate(AppDefinition app, Violations v) {
        Map<String, String> labels = app.labels() == null ? Map.of() : app.labels();
        check(labels, CANARY_INSTANCES, 1, v);
        check(labels, AUTO_REVERT_DEADLINE_SECONDS, 1, v);
        check(labels, BLUE_GREEN_KEEP_OLD_SECONDS, 0, v);
        PacerExtensions effective = effective(app);
        if (app.pacer() == null && effective != null) {
            v.check(effective.canary() == null || effective.blueGreen() == null, "/labels",
                    CANARY_INSTANCES + " and " + BLUE_GREEN_KEEP_OLD_SECONDS + " cannot be combined");
        }
    }

    private static void check(Map<String, String> labels, String name, int minimum, Violations v) {
        String value = labels.get(name);
        if (value != null) {
            Integer parsed = integer(value);
            v.check(parsed != null && parsed >= minimum, "/labels/" + name,
                    "must be an integer of at least " + minimum + " (a decimal string such as \"" + Math.max(minimum, 1) + "\")");
        }
    }

    /** A label's value as an integer; null when absent or not a decimal integer. */
    private static Integer integer(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
