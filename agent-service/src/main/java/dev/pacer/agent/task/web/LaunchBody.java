package dev.pacer.agent.task.web;

import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.contract.task.LaunchRequest;
import java.util.List;
import java.util.Map;

/**
 * A launch request as it arrives, before any rule is checked: every field may be missing or wrong, so
 * that {@link LaunchValidator} can name each failing field (422) instead of failing on the first.
 */
record LaunchBody(String taskId, String appId, String version, String cmd, List<String> args,
                  Map<String, String> env, Map<String, String> labels, List<Integer> ports,
                  List<String> portNames, Double cpus, Double mem, Double disk, Integer killGracePeriodSeconds,
                  List<HealthCheck> healthChecks, Map<String, String> secretEnv,
                  Map<String, String> secretFiles, String secretGrant, String user,
                  ContainerSpec container) {

    /** The contract's request; only called once {@link LaunchValidator} found nothing wrong. */
    LaunchRequest toRequest() {
        return new LaunchRequest(taskId, appId, version, cmd == null || cmd.isBlank() ? null : cmd, args, env, labels,
                ports, portNames, orZero(cpus), orZero(mem), orZero(disk),
                killGracePeriodSeconds == null ? 0 : killGracePeriodSeconds, healthChecks, secretEnv, secretFiles, secretGrant,
                user, container);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
