package dev.pacer.gateway.events;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry of the event stream: its stream id (the SSE {@code id:}), type, the ids of the apps (or
 * groups) it concerns and the event JSON as written by its producer.
 */
record StreamEvent(String id, String type, List<AppId> apps, String json) {

    /** An entry's fields as the producers write them; an id that is not an app id is kept as unreadable (null). */
    static StreamEvent of(String id, Map<?, ?> fields) {
        Object rawApps = fields.get(RedisKeys.EVENT_APPS_FIELD);
        List<AppId> apps = new ArrayList<>();
        if (rawApps != null && !rawApps.toString().isEmpty()) {
            for (String app : rawApps.toString().split(",")) {
                try {
                    apps.add(AppId.parse(app));
                } catch (InvalidIdException e) {
                    apps.add(null);
                }
            }
        }
        Object type = fields.get(RedisKeys.EVENT_TYPE_FIELD);
        Object json = fields.get(RedisKeys.EVENT_FIELD);
        return new StreamEvent(id, type == null ? "" : type.toString(), apps, json == null ? "{}" : json.toString());
    }

    /** Orders stream ids ({@code <ms>-<seq>}). */
    static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        return x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]);
    }

    /** The id right after {@code id}: an inclusive XRANGE start that excludes {@code id}. */
    static String next(String id) {
        long[] x = parse(id);
        return x[1] == Long.MAX_VALUE ? (x[0] + 1) + "-0" : x[0] + "-" + (x[1] + 1);
    }

    /** Whether {@code id} is a stream id ({@code <ms>-<seq>}, both unsigned longs). */
    static boolean isId(String id) {
        if (id == null || !id.matches("\\d{1,19}-\\d{1,19}")) {
            return false;
        }
        try {
            parse(id);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        return new long[] {Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
    }
}
