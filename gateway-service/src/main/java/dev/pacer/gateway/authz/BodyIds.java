package dev.pacer.gateway.authz;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.TaskId;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The ids a write's JSON body creates or changes, resolved as the scheduler resolves them (relative ids
 * against their group, {@code ..} included), for the authorization check. A body whose ids cannot be
 * read is answered here, never let through as if it named nothing: a non-string id, or a list that is
 * not a list, is Marathon's {@code 422 {"message":"Invalid JSON","details":[{"path":"/id","errors":
 * ["error.expected.jsstring"]}]}}; a string that is no valid id is {@code 422 "Object is not valid"}
 * with the id rule; a task id that does not parse is Marathon's {@code 400 "Invalid task id '…'."}.
 */
final class BodyIds {

    static final String EXPECTED_STRING = "error.expected.jsstring";
    static final String EXPECTED_ARRAY = "error.expected.jsarray";
    static final String EXPECTED_OBJECT = "error.expected.jsobject";
    static final String MISSING = "error.path.missing";

    private BodyIds() {
    }

    /**
     * @param body the parsed body; {@code null} when the request has none
     * @param base what relative ids are resolved against (the path's group, or the root)
     */
    static List<AppId> read(Requirement.BodyShape shape, JsonNode body, AppId base) {
        List<AppId> ids = new ArrayList<>();
        switch (shape) {
            case APP -> ids.add(requiredId(object(body, ""), "", AppId.ROOT));
            case APPS -> {
                JsonNode list = array(body, "");
                for (int i = 0; i < list.size(); i++) {
                    String at = "(" + i + ")";
                    ids.add(requiredId(object(list.get(i), at), at, AppId.ROOT));
                }
            }
            case APP_UPDATE -> {
                if (body != null && !body.isMissingNode() && !body.isNull()) {
                    JsonNode app = object(body, "");
                    if (app.hasNonNull("id")) {
                        ids.add(requiredId(app, "", base));
                    }
                }
            }
            case GROUP_CREATE -> {
                JsonNode group = object(body, "");
                AppId id = group.hasNonNull("id") ? requiredId(group, "", base) : base;
                ids.add(id);
                content(group, "", id, ids);
            }
            case GROUP_UPDATE -> {
                JsonNode group = object(body, "");
                ids.add(base);
                if (group.hasNonNull("id")) {
                    ids.add(requiredId(group, "", base));
                }
                content(group, "", base, ids);
            }
            case TASK_IDS -> {
                JsonNode tasks = array(object(body, "").get("ids"), "/ids");
                for (int i = 0; i < tasks.size(); i++) {
                    JsonNode task = tasks.get(i);
                    if (!task.isString()) {
                        throw invalidJson("/ids(" + i + ")", EXPECTED_STRING);
                    }
                    try {
                        ids.add(TaskId.parse(task.asString()).appId());
                    } catch (InvalidIdException e) {
                        throw new ApiException(400, ErrorBody.of("Invalid task id '%s'.".formatted(task.asString())));
                    }
                }
            }
        }
        return ids;
    }

    /** The apps and groups inside a group, each relative to it, down to the leaves. */
    private static void content(JsonNode group, String at, AppId id, List<AppId> ids) {
        if (group.has("apps")) {
            JsonNode apps = array(group.get("apps"), at + "/apps");
            for (int i = 0; i < apps.size(); i++) {
                String item = at + "/apps(" + i + ")";
                ids.add(requiredId(object(apps.get(i), item), item, id));
            }
        }
        if (group.has("groups")) {
            JsonNode groups = array(group.get("groups"), at + "/groups");
            for (int i = 0; i < groups.size(); i++) {
                String item = at + "/groups(" + i + ")";
                JsonNode sub = object(groups.get(i), item);
                AppId subId = requiredId(sub, item, id);
                ids.add(subId);
                content(sub, item, subId, ids);
            }
        }
    }

    private static AppId requiredId(JsonNode object, String at, AppId base) {
        JsonNode id = object.get("id");
        if (id == null || id.isNull()) {
            throw invalidJson(at + "/id", MISSING);
        }
        if (!id.isString()) {
            throw invalidJson(at + "/id", EXPECTED_STRING);
        }
        try {
            return AppId.parse(id.asString(), base);
        } catch (InvalidIdException e) {
            throw ApiException.invalid(List.of(ErrorDetail.of(at + "/id", e.getMessage())));
        }
    }

    private static JsonNode object(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw invalidJson(at.isEmpty() ? "/" : at, EXPECTED_OBJECT);
        }
        return node;
    }

    private static JsonNode array(JsonNode node, String at) {
        if (node == null || !node.isArray()) {
            throw invalidJson(at.isEmpty() ? "/" : at, EXPECTED_ARRAY);
        }
        return node;
    }

    private static ApiException invalidJson(String path, String error) {
        return new ApiException(422, ErrorBody.of(ErrorMessages.INVALID_JSON, List.of(ErrorDetail.of(path, error))));
    }
}
