package dev.pacer.scheduler.events;

import dev.pacer.contract.marathon.app.HealthCheck;
import java.util.Map;

/**
 * The {@code healthCheck} of an event, in Marathon's shape (the app's check as stored: normalised, with
 * its defaults). Only a {@code COMMAND} check's command can make it large: a command over
 * {@link #MAX_COMMAND} characters is left out and the event says {@code "pacer":{"truncated":true}}
 * (the check is in {@code GET /v2/apps/{id}}), so the event stays within 4 KiB.
 */
public final class HealthCheckFields {

    /** Characters of a command kept in an event. */
    static final int MAX_COMMAND = 2048;

    private HealthCheckFields() {
    }

    /** Puts {@code healthCheck} (null when unknown) into the event. */
    public static void put(Map<String, Object> event, HealthCheck check) {
        if (check != null && check.command() != null && check.command().value() != null
                && check.command().value().length() > MAX_COMMAND) {
            event.put("healthCheck", new HealthCheck(check.protocol(), check.path(), check.portIndex(), check.port(), null,
                    check.gracePeriodSeconds(), check.intervalSeconds(), check.timeoutSeconds(),
                    check.maxConsecutiveFailures(), check.delaySeconds(), check.ignoreHttp1xx(), check.ipProtocol()));
            event.put("pacer", Map.of("truncated", true));
        } else {
            event.put("healthCheck", check);
        }
    }
}
