package dev.pacer.health.target;

import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.marathon.app.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Pure: an app definition's health checks and one task record → the checks health-service runs for
 * it. Only {@code HTTP}, {@code HTTPS} and {@code TCP} (the agent runs {@code COMMAND} and
 * {@code MESOS_*}), only tasks {@code TASK_RUNNING}, only checks whose port resolves
 * ({@code port} when it is one of the task's ports, else {@code ports[portIndex]} of the task). A
 * {@code timeoutSeconds} of 0 counts as 1.
 */
public final class TargetResolver {

    public static final Set<String> PROTOCOLS = Set.of(HealthCheck.HTTP, HealthCheck.HTTPS, HealthCheck.TCP);

    private TargetResolver() {
    }

    /** Whether the definition has any check health-service runs. */
    public static boolean hasCheckerChecks(JsonNode app) {
        for (JsonNode check : app.path("healthChecks")) {
            if (PROTOCOLS.contains(check.path("protocol").asString(HealthCheck.HTTP))
                    && check.path("command").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    public static List<CheckTarget> targets(JsonNode app, JsonNode task) {
        if (!"TASK_RUNNING".equals(task.path("state").asString(""))) {
            return List.of();
        }
        String taskId = task.path("taskId").asString(null);
        String host = task.path("host").asString(null);
        if (taskId == null || host == null) {
            return List.of();
        }
        Instant startedAt = instant(task.path("startedAt"));
        List<Integer> ports = new ArrayList<>();
        task.path("ports").forEach(p -> ports.add(p.asInt()));
        List<CheckTarget> targets = new ArrayList<>();
        JsonNode checks = app.path("healthChecks");
        for (int i = 0; i < checks.size(); i++) {
            JsonNode c = checks.get(i);
            String protocol = c.path("protocol").asString(HealthCheck.HTTP);
            if (!PROTOCOLS.contains(protocol) || !c.path("command").isMissingNode()) {
                continue;
            }
            Integer port = port(c, ports);
            if (port == null) {
                continue;
            }
            targets.add(new CheckTarget(task.path("appId").asString(), taskId, instanceId(taskId), i,
                    task.path("version").asString(app.path("version").asString(null)), protocol, host, port,
                    protocol.equals(HealthCheck.TCP) ? null : c.path("path").asString("/"),
                    Duration.ofSeconds(c.path("intervalSeconds").asInt(60)),
                    Duration.ofSeconds(Math.max(1, c.path("timeoutSeconds").asInt(20))),
                    c.path("gracePeriodSeconds").asInt(300), c.path("maxConsecutiveFailures").asInt(3),
                    Duration.ofSeconds(c.path("delaySeconds").asInt(15)), c.path("ignoreHttp1xx").asBoolean(false),
                    startedAt));
        }
        return targets;
    }

    /**
     * {@code ports[portIndex]} of the task, or the literal {@code port} when the task holds it: a port the
     * task does not hold is some other process on the agent's host, never probed.
     */
    private static Integer port(JsonNode check, List<Integer> ports) {
        if (check.hasNonNull("port")) {
            int port = check.path("port").asInt();
            return ports.contains(port) ? port : null;
        }
        int index = check.path("portIndex").asInt(0);
        return index >= 0 && index < ports.size() ? ports.get(index) : null;
    }

    private static String instanceId(String taskId) {
        try {
            return TaskId.parse(taskId).instanceId();
        } catch (IllegalArgumentException e) {
            return taskId;
        }
    }

    private static Instant instant(JsonNode node) {
        if (node.isString()) {
            return Instant.parse(node.asString());
        }
        if (node.isNumber()) {
            double seconds = node.asDouble();
            return Instant.ofEpochMilli((long) (seconds * 1000));
        }
        return null;
    }
}
