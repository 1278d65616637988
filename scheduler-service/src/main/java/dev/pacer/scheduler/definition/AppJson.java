package dev.pacer.scheduler.definition;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.limits.JsonLimits;
import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.marathon.app.AppDefinition;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON plumbing for app definitions, on a mapper of its own so that the output rules do not depend on
 * how Boot's mapper is configured. Input is read within the request limits and without scalar coercion
 * ({@code "3"} is not a number, {@code 123} not an id). As Marathon answers (reference §2): malformed
 * JSON is a 400 "Invalid JSON"; JSON that parses but does not fit the model — a value of the wrong
 * type, a body that is not an object, a null where none may be — is a 422
 * {@code {"message": "Invalid JSON", "details": [{"path": "/env/S", "errors": ["..."]}]}} (Marathon's
 * status for a read error of its JSON readers). No fragment of the request (which may hold secret
 * values) is copied into a message.
 */
public final class AppJson {

    private static final Set<String> FIELDS = Arrays.stream(AppDefinition.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> MAPS = Set.of("env", "labels", "secrets");

    private final JsonMapper mapper;

    public AppJson() {
        this(RequestLimitsProperties.defaults());
    }

    public AppJson(RequestLimitsProperties limits) {
        this(JsonLimits.strictScalars(JsonMapper.builder(JsonLimits.factory(limits)))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    }

    public AppJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** Parses a request body; malformed JSON is a 400. */
    public JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw invalidJson("/", "malformed JSON");
        }
    }

    /** Requires a JSON object (an app body); anything else is a 422. */
    static ObjectNode requireObject(JsonNode body) {
        return requireObject(body, "/");
    }

    /** Requires a JSON object at {@code path} of a body; anything else is a 422. */
    static ObjectNode requireObject(JsonNode body, String path) {
        if (body == null || !body.isObject()) {
            throw mistyped(path, "expected a JSON object");
        }
        return (ObjectNode) body;
    }

    /**
     * Binds an app body as sent, without defaults; mistyped fields are a 400 naming their path, and so is
     * a {@code null} inside an array or as a value of {@code env}, {@code labels} or {@code secrets}
     * (a top-level {@code null} means "absent", or "reset" in a partial update). A number with a zero
     * fraction ({@code 3.0}) is an integer, as Marathon reads it.
     */
    public AppDefinition bind(JsonNode sent) {
        JsonNode body = IntegralNumbers.normalized(requireObject(sent));
        for (Map.Entry<String, JsonNode> field : requireObject(body).properties()) {
            if (FIELDS.contains(field.getKey())) {
                rejectNestedNulls(field.getValue(), "/" + field.getKey(), MAPS.contains(field.getKey()));
            }
        }
        try {
            return mapper.treeToValue(body, AppDefinition.class);
        } catch (DatabindException e) {
            throw mistyped(pointer(e.getPath()), problem(e));
        }
    }

    /** The app's JSON object by Marathon's output rules; the API layer adds counts, tasks, deployments. */
    public ObjectNode write(AppDefinition app) {
        return mapper.valueToTree(app);
    }

    public String writeString(AppDefinition app) {
        return mapper.writeValueAsString(app);
    }

    /** UTF-8 size of a node as compact JSON. */
    public int sizeOf(JsonNode node) {
        return mapper.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
    }

    private static void rejectNestedNulls(JsonNode node, String path, boolean valuesRequired) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNull(node.get(i), path + "(" + i + ")");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path + "/" + field.getKey();
                if (valuesRequired) {
                    rejectNull(field.getValue(), at);
                } else {
                    rejectNestedNulls(field.getValue(), at, false);
                }
            }
        }
    }

    private static void rejectNull(JsonNode node, String path) {
        if (node.isNull()) {
            throw mistyped(path, "must not be null");
        }
        rejectNestedNulls(node, path, false);
    }

    /** Malformed JSON: Marathon's 400. */
    static ApiException invalidJson(String path, String problem) {
        return new ApiException(400, ErrorBody.of(ErrorMessages.INVALID_JSON, List.of(ErrorDetail.of(path, problem))));
    }

    /** JSON that parses but does not fit the model: Marathon's 422 "Invalid JSON" with the path. */
    public static ApiException mistyped(String path, String problem) {
        return new ApiException(422, ErrorBody.of(ErrorMessages.INVALID_JSON, List.of(ErrorDetail.of(path, problem))));
    }

    /** Marathon's path notation: {@code /healthChecks(0)/portIndex}. */
    private static String pointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                pointer.append('/').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                pointer.append('(').append(ref.getIndex()).append(')');
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static String problem(DatabindException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException own) {
            return own.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + typeName(mismatch.getTargetType());
        }
        return "invalid value";
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a different type";
    }
}
