package dev.pacer.scheduler.definition;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads app request bodies into normalised {@link AppDefinition}s and writes apps as JSON; the entry
 * point of the API layer. Reading never validates: call {@link AppValidator#validate} on the result.
 *
 * <p>Bodies are taken as JSON trees so that a field that is absent and one that is {@code null} can be
 * told apart in partial updates. Reading throws {@link ApiException} 422 "Invalid JSON" for JSON that
 * does not fit the model (with the failing path) and 422 for a {@code version} combined with other
 * fields.
 */
public final class AppDefinitions {

    /** The key of Pacer's extension object in an app. */
    public static final String PACER = "pacer";
    public static final String VERSION_NOT_ALONE = "The 'version' field may only be combined with the 'id' field.";

    private static final Set<String> FIELDS = Arrays.stream(AppDefinition.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> ROLLBACK_FIELDS = Set.of("id", "version", "versionInfo");

    private final AppJson json;
    private final AppNormalizer normalizer;

    public AppDefinitions() {
        this(new AppJson());
    }

    public AppDefinitions(AppJson json) {
        this.json = json;
        this.normalizer = new AppNormalizer();
    }

    public AppJson json() {
        return json;
    }

    /** {@code POST /v2/apps}: the body's id (relative ids become absolute); version fields are ignored. */
    public AppDefinition readNew(JsonNode body) {
        return normalizer.normalize(withoutVersion(json.bind(body)));
    }

    /** {@code PUT /v2/apps/{id}} of an app that does not exist yet: the path id wins over the body's. */
    public AppDefinition readNew(JsonNode body, AppId pathId) {
        return normalizer.normalize(withoutVersion(json.bind(body)).toBuilder().id(pathId.toString()).build());
    }

    /**
     * {@code PUT}/{@code PATCH} of an existing app. The result keeps the stored id, {@code version} and
     * {@code versionInfo} (the caller sets the new version). Call {@link #rollbackVersion} first: a
     * rollback body is not an update.
     *
     * @throws ApiException 422 when {@code version} is combined with other fields
     * @throws IllegalArgumentException for a rollback body
     */
    public AppDefinition readUpdate(JsonNode body, AppDefinition stored, UpdateMode mode) {
        if (rollbackVersion(body).isPresent()) {
            throw new IllegalArgumentException("a rollback body is not an update; check rollbackVersion first");
        }
        AppDefinition request = json.bind(body);
        AppDefinition result = mode == UpdateMode.FULL
                ? withoutVersion(request).toBuilder().id(stored.id()).build()
                : PartialUpdate.merge(stored, request, body);
        return normalizer.normalize(result).toBuilder()
                .id(stored.id()).version(stored.version()).versionInfo(stored.versionInfo()).build();
    }

    /**
     * The version to roll back to when the body is the rollback form ({@code {"version": ts}}, optionally
     * with {@code id}); empty for any other body. Unknown and read-only fields and {@code null}s do not
     * count as "other fields".
     *
     * @throws ApiException 422 on {@code /version} when {@code version} is combined with other fields
     *                      or is not a timestamp
     */
    public Optional<Timestamp> rollbackVersion(JsonNode body) {
        ObjectNode object = AppJson.requireObject(body);
        JsonNode version = object.get("version");
        if (version == null || version.isNull()) {
            return Optional.empty();
        }
        boolean alone = object.properties().stream().allMatch(field -> ROLLBACK_FIELDS.contains(field.getKey())
                || !FIELDS.contains(field.getKey()) || field.getValue().isNull());
        if (!alone) {
            throw ApiException.invalid(List.of(ErrorDetail.of("/version", VERSION_NOT_ALONE)));
        }
        try {
            return Optional.of(Timestamp.parse(version.isString() ? version.stringValue() : null));
        } catch (IllegalArgumentException e) {
            throw AppJson.mistyped("/version", e.getMessage());
        }
    }

    /**
     * The app as Marathon writes it (reference §1 omission rules): Marathon's keys only, Pacer's
     * {@code pacer} object left out. The API layer may add to the object.
     */
    public ObjectNode write(AppDefinition app) {
        return write(app, false);
    }

    /** @param withPacer also Pacer's {@code pacer} object, when the app has one ({@code ?embed=pacer}, or the client sent it) */
    public ObjectNode write(AppDefinition app, boolean withPacer) {
        ObjectNode node = json.write(app);
        if (!withPacer) {
            node.remove(PACER);
        }
        return node;
    }

    /** Adds the app's {@code pacer} object (if it has one) to an app answer built by {@link #write(AppDefinition)}. */
    public ObjectNode withPacer(ObjectNode node, AppDefinition app) {
        if (app.pacer() != null) {
            node.set(PACER, json.write(app).get(PACER));
        }
        return node;
    }

    /** True when {@code after} differs from {@code before} in {@code instances} (and version fields) only. */
    public static boolean isScaleOnly(AppDefinition before, AppDefinition after) {
        return !Objects.equals(before.instances(), after.instances())
                && withEmptyCollections(before).equals(withEmptyCollections(after.toBuilder().instances(before.instances())
                        .version(before.version()).versionInfo(before.versionInfo()).build()));
    }

    /** Equal up to version and version info (what a group update that repeats an app changes: nothing). */
    public static boolean sameDefinition(AppDefinition a, AppDefinition b) {
        return withEmptyCollections(a).equals(withEmptyCollections(b.toBuilder().version(a.version()).versionInfo(a.versionInfo()).build()));
    }

    /**
     * The collections JSON leaves out when empty read back as null from a stored record but as empty
     * from a normalised request: the same app either way.
     */
    private static AppDefinition withEmptyCollections(AppDefinition app) {
        return app.toBuilder()
                .args(app.args() == null ? List.of() : app.args())
                .constraints(app.constraints() == null ? List.of() : app.constraints())
                .env(app.env() == null ? Map.of() : app.env())
                .secrets(app.secrets() == null ? Map.of() : app.secrets())
                .readinessChecks(app.readinessChecks() == null ? List.of() : app.readinessChecks())
                .healthChecks(app.healthChecks() == null ? List.of() : app.healthChecks())
                .dependencies(app.dependencies() == null ? List.of() : app.dependencies())
                .fetch(app.fetch() == null ? List.of() : app.fetch())
                .build();
    }

    private static AppDefinition withoutVersion(AppDefinition app) {
        return app.toBuilder().version(null).versionInfo(null).build();
    }
}
