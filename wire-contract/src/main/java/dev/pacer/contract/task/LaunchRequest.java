package dev.pacer.contract.task;

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
 */
public record LaunchRequest(String taskId, String appId, String version, String cmd, List<String> args,
                            Map<String, String> env, Map<String, String> labels, List<Integer> ports,
                            List<String> portNames, double cpus, double mem, double disk, int killGracePeriodSeconds) {

    public LaunchRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(version, "version");
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        portNames = portNames == null ? java.util.Collections.nCopies(ports.size(), null) : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(portNames));
        if ((cmd == null || cmd.isBlank()) == args.isEmpty()) {
            throw new IllegalArgumentException("exactly one of cmd and args must be given");
        }
        if (portNames.size() != ports.size()) {
            throw new IllegalArgumentException("portNames must name every port (null for unnamed)");
        }
    }
}
