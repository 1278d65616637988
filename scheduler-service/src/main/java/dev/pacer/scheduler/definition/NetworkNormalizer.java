package dev.pacer.scheduler.definition;

import static dev.pacer.scheduler.definition.AppNormalizer.orEmpty;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Container;
import dev.pacer.contract.marathon.app.DockerContainer;
import dev.pacer.contract.marathon.app.Network;
import dev.pacer.contract.marathon.app.PortDefinition;
import dev.pacer.contract.marathon.app.PortMapping;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The networking part of normalisation: {@code networks}, {@code portDefinitions} (and deprecated
 * {@code ports}), {@code container} (and deprecated {@code docker.network}, {@code docker.portMappings},
 * {@code ipAddress}).
 *
 * <ul>
 *   <li>{@code networks} default to {@code [{"mode": "host"}]}; without them, a deprecated
 *       {@code docker.network} (BRIDGE, HOST, USER) or {@code ipAddress} is translated.</li>
 *   <li>Host networking: {@code ports} become port definitions; neither given means
 *       {@code [{"port": 0, "name": "default", "protocol": "tcp"}]}; container port mappings are
 *       dropped when empty.</li>
 *   <li>Container or bridge networking: no port definitions; a missing container becomes a MESOS
 *       container; missing port mappings become one mapping named {@code default} (host port 0 in bridge
 *       mode).</li>
 * </ul>
 * Contradictions (both {@code ports} and other {@code portDefinitions}, port definitions with container
 * networking, port mappings with host networking, {@code networks} with {@code docker.network} or
 * {@code ipAddress}) are kept as sent so that validation reports them.
 */
final class NetworkNormalizer {

    private static final Map<String, String> DOCKER_NETWORK_MODES =
            Map.of("BRIDGE", Network.BRIDGE, "HOST", Network.HOST, "USER", Network.CONTAINER);

    private NetworkNormalizer() {
    }

    static AppDefinition normalize(AppDefinition app) {
        List<Network> networks = networks(app);
        boolean host = networks.stream().allMatch(Network::isHost);
        boolean bridge = networks.stream().anyMatch(n -> Network.BRIDGE.equals(n.mode()));
        boolean explicitNetworks = app.networks() != null && !app.networks().isEmpty();
        List<PortDefinition> portDefinitions = portDefinitions(app, host);
        boolean portsAgree = app.ports() == null || app.portDefinitions() == null
                || app.ports().equals(app.portDefinitions().stream().map(PortDefinition::port).toList());
        return app.toBuilder()
                .networks(networks)
                .portDefinitions(portDefinitions)
                .ports(portsAgree ? null : app.ports())
                .container(container(app.container(), host, bridge, explicitNetworks))
                .ipAddress(app.ipAddress() != null && explicitNetworks ? app.ipAddress() : null)
                .build();
    }

    /** The app's networks after translating deprecated forms; never empty. */
    static List<Network> networks(AppDefinition app) {
        if (app.networks() != null && !app.networks().isEmpty()) {
            return app.networks().stream().map(n -> new Network(n.name(),
                    Objects.requireNonNullElse(n.mode(), Network.CONTAINER), emptyToNull(n.labels()))).toList();
        }
        String dockerNetwork = app.container() == null || app.container().docker() == null
                ? null : app.container().docker().network();
        if (dockerNetwork != null && DOCKER_NETWORK_MODES.containsKey(dockerNetwork)) {
            return List.of(new Network(null, DOCKER_NETWORK_MODES.get(dockerNetwork), null));
        }
        if (app.ipAddress() != null) {
            Object name = app.ipAddress().get("networkName");
            return List.of(new Network(name instanceof String s ? s : null, Network.CONTAINER, null));
        }
        return List.of(Network.host());
    }

    private static List<PortDefinition> portDefinitions(AppDefinition app, boolean host) {
        List<PortDefinition> given = app.portDefinitions();
        if (given == null && app.ports() != null) {
            given = app.ports().stream().map(port -> new PortDefinition(port, null, null, null)).toList();
        }
        if (!host) {
            return given == null || given.isEmpty() ? null : given;
        }
        if (given == null) {
            return AppDefaults.PORT_DEFINITIONS;
        }
        return given.stream().map(pd -> new PortDefinition(
                Objects.requireNonNullElse(pd.port(), 0),
                Objects.requireNonNullElse(pd.protocol(), AppDefaults.PORT_PROTOCOL),
                pd.name(),
                emptyToNull(pd.labels()))).toList();
    }

    private static Container container(Container given, boolean host, boolean bridge, boolean explicitNetworks) {
        if (given == null) {
            return host ? null : new Container(Container.MESOS, null, List.of(), defaultPortMappings(bridge), null);
        }
        DockerContainer docker = given.docker();
        List<PortMapping> mappings = given.portMappings();
        if (docker != null) {
            boolean migrate = docker.portMappings() != null && (mappings == null || mappings.isEmpty());
            if (migrate) {
                mappings = docker.portMappings();
            }
            docker = new DockerContainer(docker.image(),
                    Objects.requireNonNullElse(docker.forcePullImage(), Boolean.FALSE),
                    Objects.requireNonNullElse(docker.privileged(), Boolean.FALSE),
                    orEmpty(docker.parameters()),
                    docker.pullConfig(),
                    explicitNetworks || !DOCKER_NETWORK_MODES.containsKey(String.valueOf(docker.network()))
                            ? docker.network() : null,
                    migrate || docker.portMappings() == null || docker.portMappings().isEmpty()
                            ? null : docker.portMappings());
        }
        if (host) {
            mappings = mappings == null || mappings.isEmpty() ? null : mappings;
        } else if (mappings == null) {
            mappings = defaultPortMappings(bridge);
        } else {
            mappings = mappings.stream().map(m -> portMapping(m, bridge)).toList();
        }
        return new Container(Objects.requireNonNullElse(given.type(), Container.DOCKER), docker,
                orEmpty(given.volumes()), mappings, given.linuxInfo());
    }

    private static List<PortMapping> defaultPortMappings(boolean bridge) {
        return List.of(portMapping(new PortMapping(null, null, null, null, AppDefaults.DEFAULT_PORT_NAME, null, null),
                bridge));
    }

    /** Defaults of a port mapping; in bridge mode a missing host port is 0 (a dynamic one). */
    private static PortMapping portMapping(PortMapping m, boolean bridge) {
        return new PortMapping(
                Objects.requireNonNullElse(m.containerPort(), 0),
                m.hostPort() == null && bridge ? Integer.valueOf(0) : m.hostPort(),
                Objects.requireNonNullElse(m.servicePort(), 0),
                Objects.requireNonNullElse(m.protocol(), AppDefaults.PORT_PROTOCOL),
                m.name(),
                emptyToNull(m.labels()),
                m.networkNames() == null || m.networkNames().isEmpty() ? null : m.networkNames());
    }

    private static <K, V> Map<K, V> emptyToNull(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }
}
