package dev.pacer.scheduler.app.service;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.events.HealthCheckFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marathon's {@code add_health_check_event} ({@code appId}, {@code version}, {@code healthCheck}) and
 * {@code remove_health_check_event} ({@code appId}) when the current definition of an app changes: one
 * event per check that appears (a new app's checks, a check added or changed by an update: a changed
 * check is removed and added) or disappears (a check removed or changed, every check of a deleted app).
 * A check equal before and after is no event.
 */
public class HealthCheckEvents {

    private final EventLog log;

    public HealthCheckEvents(EventLog log) {
        this.log = log;
    }

    /** @param before null for a new app; @param after null for a deleted one */
    public void changed(AppDefinition before, AppDefinition after) {
        List<HealthCheck> old = checks(before);
        List<HealthCheck> now = checks(after);
        String appId = after != null ? after.id() : before.id();
        List<HealthCheck> kept = new ArrayList<>(old);
        for (HealthCheck check : now) {
            if (!kept.remove(check)) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("appId", appId);
                event.put("version", after.version().toString());
                HealthCheckFields.put(event, check);
                log.append("add_health_check_event", event, List.of(appId));
            }
        }
        List<HealthCheck> gone = new ArrayList<>(old);
        now.forEach(gone::remove);
        gone.forEach(check -> log.append("remove_health_check_event", Map.of("appId", appId), List.of(appId)));
    }

    private static List<HealthCheck> checks(AppDefinition app) {
        return app == null || app.healthChecks() == null ? List.of() : app.healthChecks();
    }
}
