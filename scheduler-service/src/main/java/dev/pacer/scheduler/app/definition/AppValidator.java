package dev.pacer.scheduler.app.definition;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Artifact;
import dev.pacer.contract.marathon.app.Container;
import dev.pacer.contract.marathon.app.EnvValue;
import dev.pacer.contract.marathon.app.ExecutorResources;
import dev.pacer.contract.marathon.app.ResourceLimits;
import dev.pacer.contract.marathon.app.SecretDef;
import dev.pacer.contract.marathon.app.UnreachableStrategy;
import dev.pacer.contract.marathon.app.UpgradeStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a normalised app definition and reports every failing path at once, one
 * {@link ErrorDetail} per path with all its messages, in Marathon's path notation
 * ({@code /upgradeStrategy/minimumHealthCapacity}, {@code /portDefinitions(1)/port}, {@code /env/DB_PASSWORD};
 * rules about the app as a whole are reported on {@code /}, as Marathon does). Marathon's messages are
 * used verbatim where clients may match on them.
 *
 * <p>Constraint syntax is not checked here: pass the placement package's parser as
 * {@code constraintValidator} (it receives {@code constraints} and returns details with paths like
 * {@code /constraints(0)}).
 */
public final class AppValidator {

    public static final String NEEDS_CMD_ARGS_OR_CONTAINER =
            "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.";
    public static final String MUST_NOT_BE_ROOT = "must not be root";
    public static final String UNDEFINED_SECRET = "references an undefined secret";
    public static final String SINGLE_INSTANCE = "Single instance app may only have one instance";
    public static final int MAX_APP_BYTES = 64 * 1024;
    public static final String TOO_LARGE = "exceeds the 64 KiB limit of an app record";
    /** The default constraint check: none (the placement package provides the real one). */
    public static final Function<List<List<String>>, List<ErrorDetail>> NO_CONSTRAINT_CHECK = constraints -> List.of();

    private static final String EXECUTOR_REGEX = "^(//cmd)|(/?[^/]+(/[^/]+)*)|$";
    private static final Pattern EXECUTOR = Pattern.compile(EXECUTOR_REGEX);

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
        command(app, v);
        resources(app, v);
        scheduling(app, v);
        environment(app, v);
        artifacts(app, v);
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

    private static void command(AppDefinition app, Violations v) {
        v.check(app.cmd() == null || !app.cmd().isEmpty(), "/cmd", "must not be an empty string");
        boolean cmd = app.cmd() != null;
        boolean args = app.args() != null && !app.args().isEmpty();
        Container c = app.container();
        boolean container = c != null && c.docker() != null
                && (Container.DOCKER.equals(c.type()) || Container.MESOS.equals(c.type()));
        v.check((cmd ^ args) || (!(cmd && args) && container), "/", NEEDS_CMD_ARGS_OR_CONTAINER);
        v.check(app.executor() == null || EXECUTOR.matcher(app.executor()).matches(), "/executor",
                "must fully match regular expression '" + EXECUTOR_REGEX + "'");
    }

    private static void resources(AppDefinition app, Violations v) {
        v.atLeast("/instances", app.instances(), 0);
        v.atLeast("/cpus", app.cpus(), 0.001);
        v.atLeast("/mem", app.mem(), 0);
        v.atLeast("/disk", app.disk(), 0);
        v.atLeast("/gpus", app.gpus(), 0);
        v.check(app.gpus() == null || app.gpus() == 0 || app.container() == null || !app.container().isDockerEngine(),
                "/", "GPU resources only work with the Mesos containerizer");
        ExecutorResources executor = app.executorResources();
        if (executor != null) {
            v.atLeast("/executorResources/cpus", executor.cpus(), 0.1);
            v.atLeast("/executorResources/mem", executor.mem(), 32);
            v.atLeast("/executorResources/disk", executor.disk(), 10);
        }
        ResourceLimits limits = app.resourceLimits();
        if (limits != null) {
            limitAtLeast(v, "/resourceLimits/cpus", limits.cpus(), app.cpus(), "cpus");
            limitAtLeast(v, "/resourceLimits/mem", limits.mem(), app.mem(), "mem");
        }
        v.check(app.role() == null || !app.role().isEmpty(), "/role", "must not be empty");
        v.check(app.acceptedResourceRoles() == null || !app.acceptedResourceRoles().isEmpty(),
                "/acceptedResourceRoles", "must not be empty");
    }

    private static void limitAtLeast(Violations v, String path, ResourceLimits.Limit limit, Double requested, String name) {
        if (limit != null && !limit.isUnlimited()) {
            v.finite(path, limit.value());
        }
        if (limit != null && !limit.isUnlimited() && requested != null) {
            v.check(limit.value() >= requested, path,
                    "must be greater than or equal to the requested " + name + " (" + Violations.number(requested) + ")");
        }
    }

    private static void scheduling(AppDefinition app, Violations v) {
        v.atLeast("/backoffSeconds", app.backoffSeconds(), 0);
        v.atLeast("/backoffFactor", app.backoffFactor(), 1);
        v.atLeast("/maxLaunchDelaySeconds", app.maxLaunchDelaySeconds(), 0);
        v.atLeast("/taskKillGracePeriodSeconds", app.taskKillGracePeriodSeconds(), 0);
        v.oneOf("/killSelection", app.killSelection(), AppDefinition.KILL_SELECTIONS);
        UpgradeStrategy upgrade = app.upgradeStrategy();
        if (upgrade != null) {
            v.between("/upgradeStrategy/minimumHealthCapacity", upgrade.minimumHealthCapacity(), 0, 1);
            v.between("/upgradeStrategy/maximumOverCapacity", upgrade.maximumOverCapacity(), 0, 1);
        }
        if (app.pacer() != null) {
            if (app.pacer().canary() != null) {
                v.check(app.pacer().canary().instances() != null, "/pacer/canary/instances", "must be given");
                v.atLeast("/pacer/canary/instances", app.pacer().canary().instances(), 1);
            }
            if (app.pacer().blueGreen() != null) {
                v.atLeast("/pacer/blueGreen/keepOldSeconds", app.pacer().blueGreen().keepOldSeconds(), 0);
                v.check(app.pacer().canary() == null, "/pacer", "canary and blueGreen cannot be combined");
            }
            if (app.pacer().autoRevert() != null) {
                v.check(app.pacer().autoRevert().deadlineSeconds() != null, "/pacer/autoRevert/deadlineSeconds", "must be given");
                v.atLeast("/pacer/autoRevert/deadlineSeconds", app.pacer().autoRevert().deadlineSeconds(), 1);
            }
        }
        PacerLabels.validate(app, v);
        UnreachableStrategy unreachable = app.unreachableStrategy();
        if (unreachable != null && !unreachable.disabled()) {
            Long inactive = unreachable.inactiveAfterSeconds();
            Long expunge = unreachable.expungeAfterSeconds();
            v.atLeast("/unreachableStrategy/inactiveAfterSeconds", inactive, 0);
            v.atLeast("/unreachableStrategy/expungeAfterSeconds", expunge, 0);
            v.check(inactive == null || expunge == null || inactive <= expunge,
                    "/unreachableStrategy/inactiveAfterSeconds", "must be less than or equal to expungeAfterSeconds");
        }
        v.check(app.residency() == null || unreachable == null || unreachable.disabled(),
                "/unreachableStrategy", "unreachableStrategy must be disabled for resident tasks");
        if (app.isSingleInstance()) {
            v.check(app.instances() == null || app.instances() <= 1, "/instances", SINGLE_INSTANCE);
            if (upgrade != null) {
                String message = "must be 0 for a single-instance app (" + AppDefinition.SINGLE_INSTANCE_LABEL + ")";
                v.check(zeroOrAbsent(upgrade.minimumHealthCapacity()), "/upgradeStrategy/minimumHealthCapacity", message);
                v.check(zeroOrAbsent(upgrade.maximumOverCapacity()), "/upgradeStrategy/maximumOverCapacity", message);
            }
        }
    }

    private static boolean zeroOrAbsent(Double value) {
        return value == null || value == 0.0;
    }

    private static void environment(AppDefinition app, Violations v) {
        Map<String, SecretDef> secrets = app.secrets() == null ? Map.of() : app.secrets();
        if (app.env() != null) {
            for (Map.Entry<String, EnvValue> entry : app.env().entrySet()) {
                EnvValue value = entry.getValue();
                v.check(value == null || !value.isSecret() || secrets.containsKey(value.secret()),
                        "/env/" + entry.getKey(), UNDEFINED_SECRET);
            }
        }
        secrets.forEach((name, secret) ->
                v.notEmpty("/secrets/" + name + "/source", secret == null ? null : secret.source()));
    }

    private void artifacts(AppDefinition app, Violations v) {
        List<Artifact> fetch = app.fetch() == null ? List.of() : app.fetch();
        for (int i = 0; i < fetch.size(); i++) {
            v.notEmpty("/fetch(" + i + ")/uri", fetch.get(i) == null ? null : fetch.get(i).uri());
        }
        v.check(app.uris() == null || app.uris().isEmpty() || fetch.isEmpty(), "/uris",
                "may not be set in conjunction with fetch");
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
