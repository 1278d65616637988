package dev.pacer.contract.task;

import dev.pacer.contract.marathon.app.HealthCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the scheduler asks an agent to run ({@code POST /api/agent/tasks}). Launching the same task id
 * twice is harmless: the agent answers with the task it already has.
 *
 * @param cmd                       run through {@code /bin/sh -c}; exclusive with {@code args}
 * @param args                      exec'd directly; exclusive with {@code cmd}
 * @param env                       the app's plain environment (never secret values)
 * @param labels                    the app's labels (for {@code MARATHON_APP_LABELS} and label variables)
 * @param ports                     host ports claimed for the task, in port-definition order
 * @param portNames                 names of those ports (null entries when unnamed), same order
 * @param killGracePeriodSeconds    SIGTERM to SIGKILL delay when the task is killed
 * @param healthChecks              the app's health checks of {@code version}; the agent runs the COMMAND
 *                                  and MESOS_* ones beside the task (index = position in this list)
 * @param secretEnv                 environment variable name to secret path, resolved by the agent at launch
 * @param secretFiles               sandbox-relative file path to secret path, written by the agent with mode 0600
 * @param secretGrant               the signed, short-lived grant the agent redeems for those secrets (null when none)
 * @param user                      the app's {@code user} (Marathon's field): whom an agent running as root runs the
 *                                  task as when that user exists and is not root; null: the agent's default
 *                                  (for a container: {@code docker run --user})
 * @param container                 the Docker container to run (null: an OS process); with it, {@code cmd} and
 *                                  {@code args} are optional (neither: the image's own command)
 */
public record LaunchRequest(String taskId, String appId, String version, String cmd, List<String> args,
                            Map<String, String> env, Map<String, String> labels, List<Integer> ports,
                            List<String> portNames, double cpus, double mem, double disk, int killGracePeriodSeconds,
                            List<HealthCheck> healthChecks, Map<String, String> secretEnv,
                            Map<String, String> secretFiles, String secretGrant, String user,
                            ContainerSpec container) {

    /** A process launch (no container). */
    public LaunchRequest(String taskId, String appId, String version, String cmd, List<String> args,
                         Map<String, String> env, Map<String, String> labels, List<Integer> ports,
                         List<String> portNames, double cpus, double mem, double disk, int killGracePeriodSeconds,
                         List<HealthCheck> healthChecks, Map<String, String> secretEnv,
                         Map<String, String> secretFiles, String secretGrant, String user) {
        this(taskId, appId, version, cmd, args, env, labels, ports, portNames, cpus, mem, disk, killGracePeriodSeconds,
                healthChecks, secretEnv, secretFiles, secretGrant, user, null);
    }

    /** A launch without a {@code user}. */
    public LaunchRequest(String taskId, String appId, String version, String cmd, List<String> args,
                         Map<String, String> env, Map<String, String> labels, List<Integer> ports,
                         List<String> portNames, double cpus, double mem, double disk, int killGracePeriodSeconds,
                         List<HealthCheck> healthChecks, Map<String, String> secretEnv,
                         Map<String, String> secretFiles, String secretGrant) {
        this(taskId, appId, version, cmd, args, env, labels, ports, portNames, cpus, mem, disk, killGracePeriodSeconds,
                healthChecks, secretEnv, secretFiles, secretGrant, null, null);
    }

    /** A launch without health checks or secrets. */
    public LaunchRequest(String taskId, String appId, String version, String cmd, List<String> args,
                         Map<String, String> env, Map<String, String> labels, List<Integer> ports,
                         List<String> portNames, double cpus, double mem, double disk, int killGracePeriodSeconds) {
        this(taskId, appId, version, cmd, args, env, labels, ports, portNames, cpus, mem, disk, killGracePeriodSeconds,
                List.of(), Map.of(), Map.of(), null, null, null);
    }

    public LaunchRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(version, "version");
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
        secretEnv = secretEnv == null ? Map.of() : Map.copyOf(secretEnv);
        secretFiles = secretFiles == null ? Map.of() : Map.copyOf(secretFiles);
        portNames = portNames == null ? Collections.nCopies(ports.size(), null) : Collections.unmodifiableList(new ArrayList<>(portNames));
        user = user == null || user.isBlank() ? null : user;
        boolean noCmd = cmd == null || cmd.isBlank();
        if (container == null ? noCmd == args.isEmpty() : !noCmd && !args.isEmpty()) {
            throw new IllegalArgumentException(container == null ? "exactly one of cmd and args must be given"
                    : "a container takes cmd or args, not both");
        }
        if (portNames.size() != ports.size()) {
            throw new IllegalArgumentException("portNames must name every port (null for unnamed)");
        }
    }

    /** Whether the task is a Docker container rather than an OS process. */
    public boolean runsContainer() {
        return container != null;
    }

    /** This request with its container (and the app's user). */
    public LaunchRequest withContainer(ContainerSpec container, String user) {
        return new LaunchRequest(taskId, appId, version, cmd, args, env, labels, ports, portNames, cpus, mem, disk,
                killGracePeriodSeconds, healthChecks, secretEnv, secretFiles, secretGrant, user, container);
    }
}
