package dev.pacer.scheduler.group;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.events.EventLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marathon's events of a group change, on the event log: {@code group_change_success} once it is made,
 * {@code group_change_failed} when a valid change could not be made. A change refused by validation is no
 * change and no event.
 */
class GroupEvents {

    private final EventLog events;

    GroupEvents(EventLog events) {
        this.events = events;
    }

    /** Marathon's {@code group_change_success}: the group and the version of the change. */
    void changed(AppId group, Timestamp version) {
        events.append("group_change_success", Map.of("groupId", group.toString(), "version", version.toString()),
                List.of(group.toString()));
    }

    /**
     * Marathon's {@code group_change_failed}: a valid change that could not be made (a deployment holds one
     * of its apps, or a write failed); {@code reason} is the answer's message.
     */
    void failed(AppId group, Timestamp version, RuntimeException e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("groupId", group.toString());
        event.put("version", version.toString());
        event.put("reason", reason(e));
        events.append("group_change_failed", event, List.of(group.toString()));
    }

    /** The message the client is answered with; an unexpected failure is named by its type only (no internals). */
    private static String reason(RuntimeException e) {
        String message = e instanceof ApiException ? e.getMessage() : null;
        String reason = message != null ? message : "group change failed: " + e.getClass().getSimpleName();
        return reason.length() > 1024 ? reason.substring(0, 1024) : reason;
    }
}
