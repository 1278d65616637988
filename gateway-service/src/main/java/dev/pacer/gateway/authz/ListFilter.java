package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes from a list response what the principal may not view, in one pass over the list with an
 * in-memory prefix check per item ({@link Grants}): apps by {@code id}, tasks by {@code appId}, queue
 * entries by {@code app.id}/{@code pod.id}, deployments unless one of their affected apps is
 * viewable, and groups down to the viewable subtrees (ancestors of a viewable prefix are kept as the
 * path to it). A body that is not the expected JSON is passed on unchanged.
 */
public final class ListFilter {

    private final JsonMapper json;

    public ListFilter(JsonMapper json) {
        this.json = json;
    }

    public byte[] filter(Requirement.ListShape shape, byte[] body, Grants grants) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return body;
        }
        boolean changed = switch (shape) {
            case APPS -> keep(root.get("apps"), item -> viewable(grants, item.get("id")));
            case TASKS -> keep(root.get("tasks"), item -> viewable(grants, item.get("appId")));
            case QUEUE -> keep(root.get("queue"), item -> viewable(grants, item.path("app").get("id"))
                    || viewable(grants, item.path("pod").get("id")));
            case DEPLOYMENTS -> keep(root, item -> anyViewable(grants, item.get("affectedApps"))
                    || anyViewable(grants, item.get("affectedPods")));
            case GROUP -> group(root, grants);
            case NONE -> false;
        };
        return changed ? json.writeValueAsBytes(root) : body;
    }

    private interface ItemTest {
        boolean keep(JsonNode item);
    }

    /** Removes the items of an array that fail the test; false when there is no array. */
    private static boolean keep(JsonNode array, ItemTest test) {
        if (!(array instanceof ArrayNode items)) {
            return false;
        }
        for (int i = items.size() - 1; i >= 0; i--) {
            if (!test.keep(items.get(i))) {
                items.remove(i);
            }
        }
        return true;
    }

    private boolean group(JsonNode node, Grants grants) {
        if (!(node instanceof ObjectNode group)) {
            return false;
        }
        AppId id = parse(group.get("id"));
        if (id != null && grants.allows(Action.VIEW, id)) {
            return true;
        }
        keep(group.get("apps"), item -> viewable(grants, item.get("id")));
        keep(group.get("pods"), item -> viewable(grants, item.get("id")));
        keep(group.get("groups"), sub -> {
            AppId subId = parse(sub.get("id"));
            if (subId == null) {
                return false;
            }
            if (grants.allows(Action.VIEW, subId)) {
                return true;
            }
            if (grants.leadsToViewable(subId)) {
                group(sub, grants);
                return true;
            }
            return false;
        });
        return true;
    }

    private static boolean anyViewable(Grants grants, JsonNode ids) {
        if (ids == null || !ids.isArray()) {
            return false;
        }
        for (JsonNode id : ids) {
            if (viewable(grants, id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean viewable(Grants grants, JsonNode id) {
        AppId app = parse(id);
        return app != null && grants.allows(Action.VIEW, app);
    }

    private static AppId parse(JsonNode id) {
        if (id == null || !id.isString()) {
            return null;
        }
        try {
            return AppId.parse(id.asString());
        } catch (InvalidIdException e) {
            return null;
        }
    }
}
