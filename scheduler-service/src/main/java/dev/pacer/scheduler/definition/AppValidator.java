package dev.pacer.scheduler.definition;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a normalised app definition and reports every failing path at once, one
 * {@link ErrorDetail} per path with all its messages, in Marathon's path notation
 * ({@code /upgradeStrategy/minimumHealthCapacity}, {@code /portDefinitions(1)/port}, {@code /env/DB_PASSWORD};
 * rules about the app as a whole are reported on {@code /}, as Marathon does). Marathon's messages are
 * used verbatim where clients may match on them.
 *
 * <p>The rules come in groups ({@link CommandRules}, {@link ResourceRules}, {@link SchedulingRules},
 * {@link PortRules}, {@link CheckRules}); this class runs them, in a fixed order (the order of the
 * details), and checks the id, the dependencies and the size itself. Constraint syntax is not checked here: pass the placement package's parser as
 * {@code constraintValidator} (it receives {@code constraints} and returns details with paths like
 * {@code /constraints(0)}).
 */
public final class AppValidator {

    public static final String MUST_NOT_BE_ROOT = "must not be root";
    public static final int MAX_APP_BYTES = 64 * 1024;
    public static final String TOO_LARGE = "exceeds the 64 KiB limit of an app record";
    /** The default constraint check: none (the placement package provides the real one). */
    public static final Function<List<List<String>>, List<ErrorDetail>> NO_CONSTRAINT_CHECK = constraints -> List.of();

    private final AppJson json;
    private final Function<List<List<String>>, List<ErrorDetail>> constraintValidator;
    private final Function<AppDefinition, List<ErrorDetail>> extraRules;
    private final RequestLimitsProperties limits;

    public AppValidator() {
        this(new AppJson(), NO_CONSTRAINT_CHECK);
    }

    public AppValidator(Function<List<List<String>>, List<ErrorDetail>> constraintValidator) {
        this(new AppJson(), constraintValidator);
    }

    public AppValidator(AppJson json, Function<List<List<String>>, List<ErrorDetail>> constraintValidator) {
        this(json, constraintValidator, app -> List.of());
    }

    /** @param extraRules rules of other features (the secrets access policy), reported with the rest */
    public AppValidator(AppJson json, Function<List<List<String>>, List<ErrorDetail>> constraintValidator,
                        Function<AppDefinition, List<ErrorDetail>> extraRules) {
        this(json, constraintValidator, extraRules, RequestLimitsProperties.defaults());
    }

    /** @param limits the request limits ({@code max-id-length}, {@code max-apps-per-request}) */
    public AppValidator(AppJson json, Function<List<List<String>>, List<ErrorDetail>> constraintValidator,
                        Function<AppDefinition, List<ErrorDetail>> extraRules, RequestLimitsProperties limits) {
        this.json = Objects.requireNonNull(json, "json");
        this.constraintValidator = Objects.requireNonNull(constraintValidator, "constraintValidator");
        this.extraRules = Objects.requireNonNull(extraRules, "extraRules");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public RequestLimitsProperties limits() {
        return limits;
    }

    /** Every violation of {@code app}; empty when valid. */
    public List<ErrorDetail> validate(AppDefinition app) {
        Violations v = new Violations();
        id(app, v);
        v.check(app.id() == null || app.id().length() <= limits.maxIdLength(), "/id",
                BodyRules.ID_TOO_LONG.formatted(limits.maxIdLength()));
        CommandRules.command(app, v);
        ResourceRules.validate(app, v);
        SchedulingRules.validate(app, v);
        CommandRules.environment(app, v);
        dependencies(app, v);
        PortRules.validate(app, v);
        CheckRules.validate(app, v);
        if (app.constraints() != null && !app.constraints().isEmpty()) {
            v.addAll(constraintValidator.apply(app.constraints()));
        }
        v.addAll(extraRules.apply(app));
        size(app, v);
        return v.details();
    }

    /** Throws Marathon's 422 "Object is not valid" when {@code app} has violations. */
    public void check(AppDefinition app) {
        List<ErrorDetail> details = validate(app);
        if (!details.isEmpty()) {
            throw ApiException.invalid(details);
        }
    }

    /** Re-roots details under {@code prefix}, for bodies holding several apps ({@code /apps(0)/id}). */
    public static List<ErrorDetail> prefixed(String prefix, List<ErrorDetail> details) {
        return details.stream()
                .map(d -> new ErrorDetail("/".equals(d.path()) ? prefix : prefix + d.path(), d.errors()))
                .toList();
    }

    private static void id(AppDefinition app, Violations v) {
        if (app.id() == null) {
            v.add("/id", "is required");
            return;
        }
        try {
            v.check(!AppId.parse(app.id()).isRoot(), "/id", MUST_NOT_BE_ROOT);
        } catch (InvalidIdException e) {
            v.add("/id", e.getMessage());
        }
    }

    /** Dependencies are app or group ids, no longer than ids may be. */
    private void dependencies(AppDefinition app, Violations v) {
        List<String> dependencies = app.dependencies() == null ? List.of() : app.dependencies();
        for (int i = 0; i < dependencies.size(); i++) {
            try {
                AppId.parse(dependencies.get(i));
            } catch (InvalidIdException e) {
                v.add("/dependencies(" + i + ")", e.getMessage());
            }
            v.check(dependencies.get(i) == null || dependencies.get(i).length() <= limits.maxIdLength(),
                    "/dependencies(" + i + ")", BodyRules.ID_TOO_LONG.formatted(limits.maxIdLength()));
        }
    }

    /** An app's JSON over 64 KiB is reported on its largest top-level field. */
    private void size(AppDefinition app, Violations v) {
        ObjectNode written = json.write(app);
        if (json.sizeOf(written) <= MAX_APP_BYTES) {
            return;
        }
        String largest = "";
        int largestSize = -1;
        for (Map.Entry<String, JsonNode> field : written.properties()) {
            int size = json.sizeOf(field.getValue());
            if (size > largestSize) {
                largest = field.getKey();
                largestSize = size;
            }
        }
        v.add("/" + largest, TOO_LARGE);
    }
}
