package dev.pacer.scheduler.definition;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.error.ErrorMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The shape of request bodies that hold several apps — bulk {@code PUT/PATCH /v2/apps} (an array of
 * apps) and group bodies ({@code {id, apps, groups, dependencies, scaleBy, version, enforceRole}},
 * nested) — checked before any app is read: every field of the wrong type is a 422 "Invalid JSON"
 * naming its path (never coerced: {@code "scaleBy": "2"} is not a number, {@code "id": 5} not an id),
 * then more apps than {@code pacer.limits.max-apps-per-request} (over every nested group) or an id longer
 * than {@code max-id-length} is a 422 "Object is not valid". The apps themselves are read and validated
 * one by one afterwards ({@link AppDefinitions}, {@link AppValidator}).
 */
public final class BodyRules {

    public static final String TOO_MANY_APPS = "must not hold more than %d apps in one request";
    public static final String ID_TOO_LONG = "must not be longer than %d characters";

    private BodyRules() {
    }

    /** A bulk body: an array of app objects, each with a string {@code id} when it has one. */
    public static void checkBulk(JsonNode body, RequestLimitsProperties limits) {
        if (body == null || !body.isArray()) {
            throw AppJson.mistyped("/", "expected a JSON array of apps");
        }
        List<ErrorDetail> mistyped = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode app = body.get(i);
            String at = "/(" + i + ")";
            if (!app.isObject()) {
                mistyped.add(ErrorDetail.of(at, "expected a JSON object"));
            } else {
                expect(app, "id", JsonNode::isString, "a string", at, mistyped);
            }
        }
        throwMistyped(mistyped);
        List<ErrorDetail> invalid = new ArrayList<>();
        if (body.size() > limits.maxAppsPerRequest()) {
            invalid.add(ErrorDetail.of("/", TOO_MANY_APPS.formatted(limits.maxAppsPerRequest())));
        }
        throwInvalid(invalid);
    }

    /** A group body (POST, PUT): its fields and those of every nested group, then the limits. */
    public static void checkGroup(JsonNode body, RequestLimitsProperties limits) {
        AppJson.requireObject(body);
        List<ErrorDetail> mistyped = new ArrayList<>();
        List<ErrorDetail> invalid = new ArrayList<>();
        int apps = group(body, "", limits, mistyped, invalid);
        throwMistyped(mistyped);
        if (apps > limits.maxAppsPerRequest()) {
            invalid.add(0, ErrorDetail.of("/", TOO_MANY_APPS.formatted(limits.maxAppsPerRequest())));
        }
        throwInvalid(invalid);
    }

    /** An id (from a path or a body) over the length limit is a 422 on {@code path}. */
    public static void checkIdLength(String id, String path, RequestLimitsProperties limits) {
        if (id != null && id.length() > limits.maxIdLength()) {
            throw ApiException.invalid(List.of(ErrorDetail.of(path, ID_TOO_LONG.formatted(limits.maxIdLength()))));
        }
    }

    /** Checks one group object; answers how many apps it holds, nested groups included. */
    private static int group(JsonNode group, String at, RequestLimitsProperties limits,
                             List<ErrorDetail> mistyped, List<ErrorDetail> invalid) {
        if (expect(group, "id", JsonNode::isString, "a string", at, mistyped)) {
            idLength(group.get("id"), at + "/id", limits, invalid);
        }
        expect(group, "scaleBy", JsonNode::isNumber, "a number", at, mistyped);
        expect(group, "version", JsonNode::isString, "a string", at, mistyped);
        expect(group, "enforceRole", JsonNode::isBoolean, "a boolean", at, mistyped);
        if (expect(group, "dependencies", JsonNode::isArray, "an array", at, mistyped)) {
            JsonNode dependencies = group.get("dependencies");
            for (int i = 0; i < dependencies.size(); i++) {
                if (!dependencies.get(i).isString()) {
                    mistyped.add(ErrorDetail.of(at + "/dependencies(" + i + ")", "expected a string"));
                } else {
                    idLength(dependencies.get(i), at + "/dependencies(" + i + ")", limits, invalid);
                }
            }
        }
        int count = 0;
        if (expect(group, "apps", JsonNode::isArray, "an array", at, mistyped)) {
            JsonNode apps = group.get("apps");
            for (int i = 0; i < apps.size(); i++) {
                JsonNode app = apps.get(i);
                String appAt = at + "/apps(" + i + ")";
                if (!app.isObject()) {
                    mistyped.add(ErrorDetail.of(appAt, "expected a JSON object"));
                } else if (expect(app, "id", JsonNode::isString, "a string", appAt, mistyped)) {
                    idLength(app.get("id"), appAt + "/id", limits, invalid);
                }
            }
            count += apps.size();
        }
        if (expect(group, "groups", JsonNode::isArray, "an array", at, mistyped)) {
            JsonNode groups = group.get("groups");
            for (int i = 0; i < groups.size(); i++) {
                JsonNode sub = groups.get(i);
                String subAt = at + "/groups(" + i + ")";
                if (!sub.isObject()) {
                    mistyped.add(ErrorDetail.of(subAt, "expected a JSON object"));
                } else {
                    count += group(sub, subAt, limits, mistyped, invalid);
                }
            }
        }
        return count;
    }

    /** True when the field is present and not null and of the expected type; a mismatch is recorded. */
    private static boolean expect(JsonNode object, String field, Predicate<JsonNode> type,
                                  String typeName, String at, List<ErrorDetail> mistyped) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!type.test(value)) {
            mistyped.add(ErrorDetail.of(at + "/" + field, "expected " + typeName));
            return false;
        }
        return true;
    }

    private static void idLength(JsonNode id, String path, RequestLimitsProperties limits, List<ErrorDetail> invalid) {
        if (id.stringValue().length() > limits.maxIdLength()) {
            invalid.add(ErrorDetail.of(path, ID_TOO_LONG.formatted(limits.maxIdLength())));
        }
    }

    private static void throwMistyped(List<ErrorDetail> mistyped) {
        if (!mistyped.isEmpty()) {
            throw new ApiException(422, ErrorBody.of(ErrorMessages.INVALID_JSON, merged(mistyped)));
        }
    }

    private static void throwInvalid(List<ErrorDetail> invalid) {
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(merged(invalid));
        }
    }

    /** One detail per path, as Marathon reports. */
    private static List<ErrorDetail> merged(List<ErrorDetail> details) {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        details.forEach(d -> byPath.computeIfAbsent(d.path(), p -> new ArrayList<>()).addAll(d.errors()));
        return byPath.entrySet().stream().map(e -> new ErrorDetail(e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
