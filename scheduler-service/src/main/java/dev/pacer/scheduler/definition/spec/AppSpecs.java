package dev.pacer.scheduler.definition.spec;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.EnvValue;
import dev.pacer.contract.marathon.app.SecretDef;
import dev.pacer.contract.marathon.app.UnreachableStrategy;
import dev.pacer.contract.marathon.app.UpgradeStrategy;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.placement.constraint.Constraint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns stored (normalised, validated) Marathon definitions into what the reconciler works with. */
public class AppSpecs implements Function<AppId, Optional<AppSpec>> {

    private static final Duration NEVER = Duration.ofDays(365L * 100);

    private final AppRepository apps;

    public AppSpecs(AppRepository apps) {
        this.apps = apps;
    }

    @Override
    public Optional<AppSpec> apply(AppId app) {
        return apps.find(app).map(AppSpecs::from);
    }

    /** One entry per port, in index order (null for an unnamed port): what {@code PORT_<NAME>} variables need. */
    static List<String> portNamesByIndex(AppDefinition app) {
        List<String> names = new ArrayList<>();
        if (!app.isHostNetworking() && app.container() != null && app.container().portMappings() != null) {
            app.container().portMappings().forEach(m -> names.add(m.name()));
        } else if (app.portDefinitions() != null) {
            app.portDefinitions().forEach(d -> names.add(d.name()));
        }
        return names;
    }

    public static AppSpec from(AppDefinition app) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> secretEnv = new LinkedHashMap<>();
        Map<String, SecretDef> secrets = app.secrets() == null ? Map.of() : app.secrets();
        if (app.env() != null) {
            for (Map.Entry<String, EnvValue> e : app.env().entrySet()) {
                if (!e.getValue().isSecret()) {
                    env.put(e.getKey(), e.getValue().value());
                } else if (secrets.get(e.getValue().secret()) != null) {
                    secretEnv.put(e.getKey(), secrets.get(e.getValue().secret()).source());
                }
            }
        }
        UnreachableStrategy unreachable = app.unreachableStrategy();
        UpgradeStrategy upgrade = app.upgradeStrategy();
        boolean disabled = unreachable == null || unreachable.disabled();
        Instant configVersion = app.versionInfo() != null && app.versionInfo().lastConfigChangeAt() != null
                ? app.versionInfo().lastConfigChangeAt().instant()
                : app.version().instant();
        return new AppSpec(app.appId(), app.version().toString(), configVersion, app.instances(),
                new Resources(app.cpus(), app.mem(), app.disk()), portNamesByIndex(app),
                Constraint.parseAll(app.constraints() == null ? List.of() : app.constraints()),
                app.cmd(), app.args(), env, app.labels() == null ? Map.of() : app.labels(),
                app.taskKillGracePeriodSeconds() == null ? 0 : app.taskKillGracePeriodSeconds(),
                AppDefinition.OLDEST_FIRST.equals(app.killSelection()) ? Desired.KillOrder.OLDEST_FIRST : Desired.KillOrder.YOUNGEST_FIRST,
                disabled ? NEVER : Duration.ofSeconds(unreachable.inactiveAfterSeconds()),
                disabled ? NEVER : Duration.ofSeconds(unreachable.expungeAfterSeconds()),
                app.backoffSeconds(), app.backoffFactor(), app.maxLaunchDelaySeconds(),
                app.healthChecks(), secretEnv, secretFiles(app, secrets),
                upgrade == null || upgrade.minimumHealthCapacity() == null ? 1.0 : upgrade.minimumHealthCapacity(),
                upgrade == null || upgrade.maximumOverCapacity() == null ? 1.0 : upgrade.maximumOverCapacity(),
                app.readinessChecks(), requiredHostPorts(app), app.user(), DockerSpecs.container(app));
    }

    /**
     * With {@code requirePorts} (host networking only), a task's host ports are the port definitions'
     * ports, in order; a definition with port 0 takes any free port (as in Marathon). Empty: any ports.
     * With container or bridge networking, a port mapping's non-zero {@code hostPort} is required as it is.
     */
    static List<Integer> requiredHostPorts(AppDefinition app) {
        if (!app.isHostNetworking()) {
            return DockerSpecs.requiredHostPorts(app);
        }
        if (!Boolean.TRUE.equals(app.requirePorts())) {
            return List.of();
        }
        List<Integer> ports = ServicePorts.ports(app);
        return ports.stream().allMatch(p -> p == 0) ? List.of() : ports;
    }

    /** {@code container.volumes[]} entries with a {@code secret}: their {@code containerPath} to the secret's path. */
    static Map<String, String> secretFiles(AppDefinition app, Map<String, SecretDef> secrets) {
        Map<String, String> files = new LinkedHashMap<>();
        if (app.container() == null || app.container().volumes() == null) {
            return files;
        }
        for (Map<String, Object> volume : app.container().volumes()) {
            if (volume != null && volume.get("secret") instanceof String name && secrets.get(name) != null
                    && volume.get("containerPath") instanceof String path) {
                files.put(path, secrets.get(name).source());
            }
        }
        return files;
    }
}
