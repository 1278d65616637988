package dev.pacer.scheduler.definition.spec;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.marathon.app.ReadinessCheck;
import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.scheduler.placement.constraint.Constraint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the reconciler needs of an app definition, already normalised and validated: how many, what
 * to run, where, and how to handle failure. Built from the stored Marathon definition.
 *
 * @param version        the stored version tasks are launched with
 * @param configVersion  {@code versionInfo.lastConfigChangeAt}: tasks older than this are outdated
 * @param portNames      one entry per port definition (null when unnamed)
 * @param healthChecks   the app's health checks (the agent runs the COMMAND ones)
 * @param secretEnv      environment variable name to secret path (never a value)
 * @param secretFiles    sandbox-relative file path to secret path, from {@code container.volumes[].secret}
 * @param minimumHealthCapacity  {@code upgradeStrategy.minimumHealthCapacity} (default 1)
 * @param maximumOverCapacity    {@code upgradeStrategy.maximumOverCapacity} (default 1)
 * @param readinessChecks        a task of the current config counts only once these pass
 * @param requiredHostPorts      {@code requirePorts}: the host ports each task must get (its port
 *                               definitions' ports, in order); empty: any free ports of the agent
 * @param user                   Marathon's {@code user}: whom a root agent runs the tasks as (null: its default)
 * @param container              the Docker container of a {@code container.type: DOCKER} app (each mapping's
 *                               {@code hostPort} as declared; the launch puts the claimed port there), else null
 */
public record AppSpec(AppId id, String version, Instant configVersion, int instances, Resources resources,
                      List<String> portNames, List<Constraint> constraints, String cmd, List<String> args,
                      Map<String, String> env, Map<String, String> labels, int killGracePeriodSeconds,
                      Desired.KillOrder killSelection, Duration inactiveAfter, Duration expungeAfter,
                      int backoffSeconds, double backoffFactor, int maxLaunchDelaySeconds,
                      List<HealthCheck> healthChecks, Map<String, String> secretEnv, Map<String, String> secretFiles,
                      double minimumHealthCapacity, double maximumOverCapacity, List<ReadinessCheck> readinessChecks,
                      List<Integer> requiredHostPorts, String user, ContainerSpec container) {

    /** An app of OS processes. */
    public AppSpec(AppId id, String version, Instant configVersion, int instances, Resources resources,
                   List<String> portNames, List<Constraint> constraints, String cmd, List<String> args,
                   Map<String, String> env, Map<String, String> labels, int killGracePeriodSeconds,
                   Desired.KillOrder killSelection, Duration inactiveAfter, Duration expungeAfter,
                   int backoffSeconds, double backoffFactor, int maxLaunchDelaySeconds,
                   List<HealthCheck> healthChecks, Map<String, String> secretEnv, Map<String, String> secretFiles,
                   double minimumHealthCapacity, double maximumOverCapacity, List<ReadinessCheck> readinessChecks,
                   List<Integer> requiredHostPorts, String user) {
        this(id, version, configVersion, instances, resources, portNames, constraints, cmd, args, env, labels,
                killGracePeriodSeconds, killSelection, inactiveAfter, expungeAfter, backoffSeconds, backoffFactor,
                maxLaunchDelaySeconds, healthChecks, secretEnv, secretFiles, minimumHealthCapacity, maximumOverCapacity,
                readinessChecks, requiredHostPorts, user, null);
    }

    public AppSpec {
        portNames = Collections.unmodifiableList(new ArrayList<>(portNames));
        constraints = List.copyOf(constraints);
        args = args == null ? List.of() : List.copyOf(args);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
        readinessChecks = readinessChecks == null ? List.of() : List.copyOf(readinessChecks);
        secretEnv = secretEnv == null ? Map.of() : Map.copyOf(secretEnv);
        secretFiles = secretFiles == null ? Map.of() : Map.copyOf(secretFiles);
        requiredHostPorts = requiredHostPorts == null ? List.of() : List.copyOf(requiredHostPorts);
    }

    public Desired desired() {
        return new Desired(instances, configVersion, killSelection, inactiveAfter, expungeAfter, false)
                .withUpgradeStrategy(minimumHealthCapacity, maximumOverCapacity);
    }

    /** What remains to be done for an app that was deleted: stop every task. */
    public static Desired deleted() {
        return new Desired(0, null, Desired.KillOrder.YOUNGEST_FIRST, Duration.ZERO, Duration.ZERO, true);
    }
}
