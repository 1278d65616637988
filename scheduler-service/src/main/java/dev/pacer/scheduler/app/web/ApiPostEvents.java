package dev.pacer.scheduler.app.web;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.events.EventLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marathon's {@code api_post_event}, written when an app is created or changed through
 * {@code POST /v2/apps} or {@code PUT|PATCH /v2/apps/{id}} (the calls Marathon sends it for).
 * Light: {@code appDefinition} carries the app's {@code id} and {@code version} only, never the
 * definition (which may be large and carries env values): a consumer reads the app when it needs it.
 * {@code clientIp} is the first {@code X-Forwarded-For} address the gateway set, else the peer.
 */
class ApiPostEvents {

    private final EventLog log;

    ApiPostEvents(EventLog log) {
        this.log = log;
    }

    void posted(HttpServletRequest request, AppId app, String version) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String clientIp = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr() : forwarded.split(",")[0].trim();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("clientIp", clientIp);
        event.put("uri", request.getRequestURI());
        event.put("appDefinition", Map.of("id", app.toString(), "version", version));
        log.append("api_post_event", event, List.of(app.toString()));
    }
}
