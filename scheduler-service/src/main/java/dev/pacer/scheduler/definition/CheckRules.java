package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.marathon.app.PortDefinition;
import dev.pacer.contract.marathon.app.PortMapping;
import dev.pacer.contract.marathon.app.ReadinessCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of health checks (reference §4.2) and readiness checks (§4.3). */
final class CheckRules {

    static final String PORT_INDEX =
            "Health check port indices must address an element of the ports array or container port mappings.";
    static final String IPV6 = "IPv6 can only be used for container type DOCKER and Mesos http/https/tcp health checks";
    static final String PORT_NOT_OWNED =
            "must be one of the app's own ports (a non-zero port of its portDefinitions or container portMappings)";
    static final String PATH_START = "must start with '/'";
    static final String PATH_CONTROL = "must not contain control characters";

    private static final Set<String> MARATHON_PROTOCOLS = Set.of(HealthCheck.HTTP, HealthCheck.HTTPS, HealthCheck.TCP);
    private static final Set<String> MESOS_PROTOCOLS =
            Set.of(HealthCheck.MESOS_HTTP, HealthCheck.MESOS_HTTPS, HealthCheck.MESOS_TCP, HealthCheck.COMMAND);
    /** Checks that probe a port of the task (health-service or the agent). */
    private static final Set<String> PORT_PROTOCOLS = Set.of(HealthCheck.HTTP, HealthCheck.HTTPS, HealthCheck.TCP,
            HealthCheck.MESOS_HTTP, HealthCheck.MESOS_HTTPS, HealthCheck.MESOS_TCP);
    /** Checks that request a path. */
    private static final Set<String> PATH_PROTOCOLS =
            Set.of(HealthCheck.HTTP, HealthCheck.HTTPS, HealthCheck.MESOS_HTTP, HealthCheck.MESOS_HTTPS);
    private static final List<String> IP_PROTOCOLS = List.of(HealthCheck.IPV4, HealthCheck.IPV6);
    private static final List<String> READINESS_PROTOCOLS = List.of("HTTP", "HTTPS");

    private CheckRules() {
    }

    static void validate(AppDefinition app, Violations v) {
        List<HealthCheck> checks = app.healthChecks() == null ? List.of() : app.healthChecks();
        for (int i = 0; i < checks.size(); i++) {
            health(app, checks.get(i), "/healthChecks(" + i + ")", v);
        }
        long mesosChecks = checks.stream()
                .filter(c -> c.command() == null && MESOS_PROTOCOLS.contains(c.protocol())).count();
        v.check(mesosChecks <= 1, "/", "AppDefinition can contain at most one Mesos health check");
        List<ReadinessCheck> readiness = app.readinessChecks() == null ? List.of() : app.readinessChecks();
        v.check(readiness.size() <= 1, "/readinessChecks", "must not contain more than one readiness check");
        for (int i = 0; i < readiness.size(); i++) {
            readiness(app, readiness.get(i), "/readinessChecks(" + i + ")", v);
        }
    }

    private static void health(AppDefinition app, HealthCheck check, String path, Violations v) {
        String protocol = check.protocol() == null ? HealthCheck.HTTP : check.protocol();
        v.oneOf(path + "/protocol", protocol, HealthCheck.PROTOCOLS);
        if (PORT_PROTOCOLS.contains(protocol) && check.command() == null) {
            int ports = app.portCount();
            if (check.portIndex() != null) {
                v.check(check.portIndex() >= 0 && check.portIndex() < ports, path + "/portIndex", PORT_INDEX);
            } else if (check.port() == null && MARATHON_PROTOCOLS.contains(protocol)) {
                v.check(ports == 1, path + "/portIndex", PORT_INDEX);
            }
            // a literal port the app does not own would point the probe at whatever else listens on the host
            v.check(check.port() == null || ownedPorts(app).contains(check.port()), path + "/port", PORT_NOT_OWNED);
        }
        if (PATH_PROTOCOLS.contains(protocol)) {
            probePath(check.path(), path + "/path", v);
        }
        if (HealthCheck.COMMAND.equals(protocol)) {
            v.check(check.command() != null && check.command().value() != null && !check.command().value().isEmpty(),
                    path + "/command", "a COMMAND health check needs a non-empty command.value");
        }
        v.between(path + "/port", check.port(), 0, 65535);
        v.atLeast(path + "/gracePeriodSeconds", check.gracePeriodSeconds(), 0);
        v.atLeast(path + "/intervalSeconds", check.intervalSeconds(), 0);
        v.atLeast(path + "/timeoutSeconds", check.timeoutSeconds(), 0);
        v.atLeast(path + "/maxConsecutiveFailures", check.maxConsecutiveFailures(), 0);
        v.atLeast(path + "/delaySeconds", check.delaySeconds(), 0);
        v.oneOf(path + "/ipProtocol", check.ipProtocol(), IP_PROTOCOLS);
        boolean dockerMesosCheck = app.container() != null && app.container().isDockerEngine()
                && MESOS_PROTOCOLS.contains(protocol) && !HealthCheck.COMMAND.equals(protocol);
        v.check(!HealthCheck.IPV6.equals(check.ipProtocol()) || dockerMesosCheck, path + "/ipProtocol", IPV6);
    }

    /**
     * A probe path is appended to the task's address: it must start with {@code /} (else
     * {@code "@169.254.169.254/x"} would read as another host) and hold no control characters.
     */
    private static void probePath(String value, String path, Violations v) {
        if (value == null || value.isEmpty()) {
            return;
        }
        v.check(value.startsWith("/"), path, PATH_START);
        v.check(value.chars().noneMatch(c -> c < 0x20 || c == 0x7f), path, PATH_CONTROL);
    }

    /** The ports an app declares as its own: non-zero port definitions and port mappings (host and container side). */
    static Set<Integer> ownedPorts(AppDefinition app) {
        Set<Integer> owned = new HashSet<>();
        if (app.portDefinitions() != null) {
            app.portDefinitions().stream().map(PortDefinition::port).filter(p -> p != null && p != 0).forEach(owned::add);
        }
        if (app.container() != null && app.container().portMappings() != null) {
            for (PortMapping mapping : app.container().portMappings()) {
                if (mapping.hostPort() != null && mapping.hostPort() != 0) {
                    owned.add(mapping.hostPort());
                }
                if (mapping.containerPort() != null && mapping.containerPort() != 0) {
                    owned.add(mapping.containerPort());
                }
            }
        }
        return owned;
    }

    private static void readiness(AppDefinition app, ReadinessCheck check, String path, Violations v) {
        v.notEmpty(path + "/name", check.name());
        v.oneOf(path + "/protocol", check.protocol(), READINESS_PROTOCOLS);
        v.notEmpty(path + "/path", check.path());
        probePath(check.path(), path + "/path", v);
        if (check.portName() != null) {
            v.check(app.portNames().contains(check.portName()), path + "/portName",
                    "No port definition reference for portName " + check.portName());
        }
        v.atLeast(path + "/intervalSeconds", check.intervalSeconds(), 0);
        v.atLeast(path + "/timeoutSeconds", check.timeoutSeconds(), 1);
        if (check.timeoutSeconds() != null && check.intervalSeconds() != null) {
            v.check(check.timeoutSeconds() < check.intervalSeconds(), path + "/timeoutSeconds",
                    "must be less than intervalSeconds");
        }
        List<Integer> codes = check.httpStatusCodesForReady() == null ? List.of() : check.httpStatusCodesForReady();
        v.check(codes.stream().allMatch(code -> code != null && code >= 100 && code <= 999),
                path + "/httpStatusCodesForReady", "every status code must lie between 100 and 999");
    }
}
