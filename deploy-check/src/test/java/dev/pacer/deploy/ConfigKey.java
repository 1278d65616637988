package dev.pacer.deploy;

import java.util.Locale;

/**
 * A configuration name a service reads: a property ({@code pacer.tls.private-key}) or, for placeholders such as
 * {@code ${REDIS_URL:...}}, an environment variable's own name. {@code open}: the property is a map, a list or
 * an object, so names below it exist too ({@code pacer.secrets.embedded.keys.1}).
 *
 * @param name   property name (lower case, dashed) or environment variable name (upper case)
 * @param open   whether longer names below it exist
 * @param source where it was found, for messages
 */
public record ConfigKey(String name, boolean open, String source) {

    static boolean isEnvName(String name) {
        return name.matches("[A-Z][A-Z0-9_]*");
    }

    /** Whether an environment variable or property name binds to this key, by Spring Boot's relaxed binding. */
    boolean matches(String candidate) {
        if (isEnvName(name)) {
            return name.equals(candidate);
        }
        if (isEnvName(candidate)) {
            // Boot maps PACER_TLS_PRIVATE_KEY and PACER_TLS_PRIVATEKEY to pacer.tls.private-key
            String dashesRemoved = name.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
            String dashesToUnderscores = name.replace(".", "_").replace("-", "_").toUpperCase(Locale.ROOT);
            return matches(candidate, dashesRemoved, "_") || matches(candidate, dashesToUnderscores, "_");
        }
        return matches(canonical(candidate), canonical(name), ".");
    }

    private boolean matches(String candidate, String form, String separator) {
        return candidate.equals(form) || (open && candidate.startsWith(form + separator));
    }

    private static String canonical(String property) {
        return property.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
