package dev.pacer.scheduler.definition;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Artifact;
import dev.pacer.contract.marathon.app.Residency;
import dev.pacer.contract.marathon.app.UnreachableStrategy;
import dev.pacer.contract.marathon.app.UpgradeStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an app definition as sent into Marathon's canonical form: defaults filled, deprecated inputs
 * ({@code ports}, {@code uris}, {@code ipAddress}, {@code docker.network}, {@code docker.portMappings})
 * translated, ids made absolute. Never throws for a semantic problem: whatever cannot be normalised
 * (an invalid id, {@code ports} together with different {@code portDefinitions}, {@code uris}
 * together with {@code fetch}, ...) is left as sent for {@link AppValidator} to report. Idempotent.
 */
final class AppNormalizer {

    private static final List<String> EXTRACTABLE =
            List.of(".tgz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz", ".zip");

    public AppDefinition normalize(AppDefinition app) {
        AppDefinition withPorts = NetworkNormalizer.normalize(app);
        boolean hasPorts = withPorts.portCount() > 0;
        boolean resident = app.residency() != null;
        return withPorts.toBuilder()
                .id(canonicalId(app.id()))
                .args(orEmpty(app.args()))
                .instances(Objects.requireNonNullElse(app.instances(), AppDefaults.INSTANCES))
                .cpus(Objects.requireNonNullElse(app.cpus(), AppDefaults.CPUS))
                .mem(Objects.requireNonNullElse(app.mem(), AppDefaults.MEM))
                .disk(Objects.requireNonNullElse(app.disk(), AppDefaults.DISK))
                .gpus(Objects.requireNonNullElse(app.gpus(), AppDefaults.GPUS))
                .executor(Objects.requireNonNullElse(app.executor(), AppDefaults.EXECUTOR))
                .constraints(constraints(app.constraints()))
                .acceptedResourceRoles(app.acceptedResourceRoles() == null ? null
                        : List.copyOf(new LinkedHashSet<>(app.acceptedResourceRoles())))
                .role(Objects.requireNonNullElse(app.role(), AppDefaults.ROLE))
                .env(orEmpty(app.env()))
                .secrets(orEmpty(app.secrets()))
                .labels(orEmpty(app.labels()))
                .requirePorts(withPorts.isHostNetworking() && Boolean.TRUE.equals(app.requirePorts()))
                .healthChecks(orEmpty(app.healthChecks()).stream()
                        .map(check -> CheckNormalizer.health(check, hasPorts)).toList())
                .readinessChecks(orEmpty(app.readinessChecks()).stream().map(CheckNormalizer::readiness).toList())
                .dependencies(dependencies(app))
                .upgradeStrategy(upgradeStrategy(app))
                .backoffSeconds(Objects.requireNonNullElse(app.backoffSeconds(), AppDefaults.BACKOFF_SECONDS))
                .backoffFactor(Objects.requireNonNullElse(app.backoffFactor(), AppDefaults.BACKOFF_FACTOR))
                .maxLaunchDelaySeconds(Objects.requireNonNullElse(
                        app.maxLaunchDelaySeconds(), AppDefaults.MAX_LAUNCH_DELAY_SECONDS))
                .killSelection(Objects.requireNonNullElse(app.killSelection(), AppDefinition.YOUNGEST_FIRST))
                .unreachableStrategy(unreachableStrategy(app.unreachableStrategy(), resident))
                .fetch(fetch(app))
                .uris(app.uris() == null || app.uris().isEmpty() || app.fetch() == null || app.fetch().isEmpty()
                        ? null : app.uris())
                .residency(resident ? residency(app.residency()) : null)
                .build();
    }

    /** Absolute, {@code //} collapsed, trailing {@code /} dropped; an id that does not parse stays as sent. */
    static String canonicalId(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return AppId.parse(raw).toString();
        } catch (InvalidIdException e) {
            return raw;
        }
    }

    /** Client leniency: a constraint value {@code ""} counts as absent ({@code [f, "UNIQUE", ""]} is {@code [f, "UNIQUE"]}). */
    private static List<List<String>> constraints(List<List<String>> constraints) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> constraint : orEmpty(constraints)) {
            boolean emptyValue = constraint != null && constraint.size() == 3 && "".equals(constraint.get(2));
            result.add(emptyValue ? constraint.subList(0, 2) : constraint);
        }
        return result;
    }

    /** Dependencies are resolved against the app's parent group, as Marathon does. */
    private static List<String> dependencies(AppDefinition app) {
        AppId parent = AppId.ROOT;
        if (app.id() != null) {
            try {
                parent = AppId.parse(app.id()).parent();
            } catch (InvalidIdException e) {
                // an invalid id is reported by validation; resolve against the root meanwhile
            }
        }
        List<String> result = new ArrayList<>();
        for (String dependency : orEmpty(app.dependencies())) {
            try {
                result.add(AppId.parse(dependency, parent).toString());
            } catch (InvalidIdException e) {
                result.add(dependency);
            }
        }
        return result;
    }

    private static UpgradeStrategy upgradeStrategy(AppDefinition app) {
        double minimum = app.isSingleInstance() ? 0.0
                : app.residency() != null ? AppDefaults.RESIDENT_MINIMUM_HEALTH_CAPACITY : AppDefaults.MINIMUM_HEALTH_CAPACITY;
        double over = app.isSingleInstance() || app.residency() != null ? 0.0 : AppDefaults.MAXIMUM_OVER_CAPACITY;
        UpgradeStrategy given = app.upgradeStrategy();
        if (given == null) {
            return new UpgradeStrategy(minimum, over);
        }
        return new UpgradeStrategy(Objects.requireNonNullElse(given.minimumHealthCapacity(), minimum),
                Objects.requireNonNullElse(given.maximumOverCapacity(), over));
    }

    private static UnreachableStrategy unreachableStrategy(UnreachableStrategy given, boolean resident) {
        if (given == null) {
            return resident ? UnreachableStrategy.DISABLED : UnreachableStrategy.enabled(
                    AppDefaults.UNREACHABLE_INACTIVE_AFTER_SECONDS, AppDefaults.UNREACHABLE_EXPUNGE_AFTER_SECONDS);
        }
        if (given.disabled()) {
            return given;
        }
        return UnreachableStrategy.enabled(
                Objects.requireNonNullElse(given.inactiveAfterSeconds(), AppDefaults.UNREACHABLE_INACTIVE_AFTER_SECONDS),
                Objects.requireNonNullElse(given.expungeAfterSeconds(), AppDefaults.UNREACHABLE_EXPUNGE_AFTER_SECONDS));
    }

    /** {@code uris} become {@code fetch} entries (archives extracted) unless {@code fetch} is given too. */
    private static List<Artifact> fetch(AppDefinition app) {
        List<Artifact> fetch = orEmpty(app.fetch());
        if (fetch.isEmpty() && app.uris() != null) {
            fetch = app.uris().stream().map(uri -> new Artifact(uri, isExtractable(uri), null, null, null)).toList();
        }
        return fetch.stream().map(a -> new Artifact(a.uri(),
                Objects.requireNonNullElse(a.extract(), Boolean.TRUE),
                Objects.requireNonNullElse(a.executable(), Boolean.FALSE),
                Objects.requireNonNullElse(a.cache(), Boolean.FALSE),
                a.destPath())).toList();
    }

    private static boolean isExtractable(String uri) {
        return uri != null && EXTRACTABLE.stream().anyMatch(uri::endsWith);
    }

    private static Residency residency(Residency given) {
        return new Residency(
                Objects.requireNonNullElse(given.relaunchEscalationTimeoutSeconds(),
                        AppDefaults.RESIDENCY_RELAUNCH_ESCALATION_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(given.taskLostBehavior(), AppDefaults.RESIDENCY_TASK_LOST_BEHAVIOR));
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? new LinkedHashMap<>() : map;
    }
}
