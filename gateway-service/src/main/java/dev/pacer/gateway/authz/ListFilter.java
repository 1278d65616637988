package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.secrets.SecretPaths;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes from a list response what the principal may not view, in one pass with an in-memory prefix
 * check per item ({@link Grants}): apps by {@code id}, tasks by {@code appId}, queue entries by
 * {@code app.id}/{@code pod.id}, secrets by {@code path}, audit entries by {@code path} and {@code appId};
 * deployments are kept when one of their apps is viewable and then show only viewable apps; groups are
 * cut down to the viewable subtrees, their ancestors kept as the path to them (without their
 * dependencies). A body that is not the expected JSON cannot be filtered: {@link #filter} returns null
 * and the caller answers an error instead of passing it on.
 */
public final class ListFilter {

    private final JsonMapper json;

    public ListFilter(JsonMapper json) {
        this.json = json;
    }

    /** The filtered body, or null when the body is not the JSON the shape expects. */
    public byte[] filter(Requirement.ListShape shape, byte[] body, Grants grants) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        boolean ok = switch (shape) {
            case APPS -> keep(root.get("apps"), item -> viewable(grants, item.get("id")));
            case STAR -> keep(root.get("*"), item -> viewable(grants, item.get("id")));
            case APP_ARRAY -> keep(root, item -> viewable(grants, item.get("id")));
            case TASKS -> keep(root.get("tasks"), item -> viewable(grants, item.get("appId")));
            case QUEUE -> keep(root.get("queue"), item -> viewable(grants, item.path("app").get("id"))
                    || viewable(grants, item.path("pod").get("id")));
            case DEPLOYMENTS -> keep(root, item -> deployment(grants, item));
            case GROUP -> group(root, grants);
            case SECRETS -> keep(root, item -> secretViewable(grants, item.get("path")));
            case AUDIT -> keep(root, item -> audited(grants, item));
        };
        return ok ? json.writeValueAsBytes(root) : null;
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
        if (id == null) {
            return false;
        }
        if (grants.allows(Action.VIEW, id)) {
            return true;
        }
        // an ancestor kept as the path to something viewable: its own apps, pods and dependencies are not
        group.putArray("dependencies");
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
            return grants.leadsToViewable(subId) && group(sub, grants);
        });
        return true;
    }

    /**
     * A deployment of at least one viewable app, showing only viewable apps: {@code affectedApps},
     * the actions of {@code steps} and {@code currentActions}, and Pacer's {@code canaries}.
     */
    private static boolean deployment(Grants grants, JsonNode item) {
        if (!(item instanceof ObjectNode deployment) || !anyViewable(grants, deployment.get("affectedApps"))) {
            return false;
        }
        keep(deployment.get("affectedApps"), id -> viewable(grants, id));
        keep(deployment.get("affectedPods"), id -> viewable(grants, id));
        JsonNode steps = deployment.get("steps");
        if (steps instanceof ArrayNode) {
            steps.forEach(step -> keep(step.get("actions"), action -> viewable(grants, action.get("app"))));
        }
        keep(deployment.get("currentActions"), action -> viewable(grants, action.get("app")));
        if (deployment.path("pacer").get("canaries") instanceof ObjectNode canaries) {
            for (Iterator<Map.Entry<String, JsonNode>> it = canaries.properties().iterator(); it.hasNext(); ) {
                if (!viewable(grants, canaries.stringNode(it.next().getKey()))) {
                    it.remove();
                }
            }
        }
        return true;
    }

    /** An audit entry whose secret path and app are both viewable (either may be absent, not both). */
    private static boolean audited(Grants grants, JsonNode entry) {
        JsonNode path = entry.get("path");
        JsonNode app = entry.get("appId");
        boolean hasPath = path != null && !path.isNull();
        boolean hasApp = app != null && !app.isNull();
        return (hasPath || hasApp)
                && (!hasPath || secretViewable(grants, path))
                && (!hasApp || viewable(grants, app));
    }

    private static boolean secretViewable(Grants grants, JsonNode path) {
        return path != null && path.isString() && SecretPaths.isValid(path.asString())
                && grants.allows(Action.VIEW, Resource.secret(path.asString()));
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
