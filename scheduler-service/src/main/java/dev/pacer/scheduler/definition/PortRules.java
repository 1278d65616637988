package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Container;
import dev.pacer.contract.marathon.app.DockerContainer;
import dev.pacer.contract.marathon.app.Network;
import dev.pacer.contract.marathon.app.PortDefinition;
import dev.pacer.contract.marathon.app.PortMapping;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of networks, port definitions and the container (with its port mappings). */
final class PortRules {

    static final String BOTH_PORTS = "cannot specify both ports and port definitions";
    static final String PORTS_UNIQUE = "ports must be unique";
    static final String PORT_NAMES_UNIQUE = "Port names must be unique.";
    static final String MAPPINGS_WITH_HOST = "portMappings are not allowed with host-networking";
    static final String DEFINITIONS_WITHOUT_HOST = "portDefinitions are only allowed with host-networking";

    private static final List<String> MODES = List.of(Network.HOST, Network.CONTAINER, Network.BRIDGE);
    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "udp,tcp");
    private static final List<String> CONTAINER_TYPES = List.of(Container.DOCKER, Container.MESOS);
    private static final List<String> DOCKER_NETWORKS = List.of("BRIDGE", "HOST", "USER");
    private static final String NAME_REGEX = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    private static final Pattern NAME = Pattern.compile(NAME_REGEX);
    private static final int MAX_PORT = 65535;

    private PortRules() {
    }

    static void validate(AppDefinition app, Violations v) {
        networks(app, v);
        portDefinitions(app, v);
        container(app, v);
    }

    private static void networks(AppDefinition app, Violations v) {
        List<Network> networks = app.networks() == null ? List.of() : app.networks();
        for (int i = 0; i < networks.size(); i++) {
            Network network = networks.get(i);
            v.oneOf("/networks(" + i + ")/mode", network.mode(), MODES);
            v.check(!network.isHost() || network.name() == null, "/networks(" + i + ")/name",
                    "host networks may not have a name");
        }
        boolean hostOrBridge = networks.stream().anyMatch(n -> n.isHost() || Network.BRIDGE.equals(n.mode()));
        v.check(!hostOrBridge || networks.size() == 1, "/networks",
                "must be a single host network, a single container/bridge network, or container networks only");
        DockerContainer docker = app.container() == null ? null : app.container().docker();
        boolean explicitNetworks = app.networks() != null && !app.networks().isEmpty();
        v.check(!(explicitNetworks && docker != null && docker.network() != null), "/",
                "must not specify both container.docker.network and networks");
        v.check(!(explicitNetworks && app.ipAddress() != null), "/", "must not specify both networks and ipAddress");
    }

    private static void portDefinitions(AppDefinition app, Violations v) {
        v.check(app.ports() == null || app.portDefinitions() == null, "/", BOTH_PORTS);
        List<PortDefinition> definitions = app.portDefinitions() == null ? List.of() : app.portDefinitions();
        v.check(app.isHostNetworking() || definitions.isEmpty(), "/", DEFINITIONS_WITHOUT_HOST);
        Set<Integer> ports = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            PortDefinition pd = definitions.get(i);
            String path = "/portDefinitions(" + i + ")";
            v.between(path + "/port", pd.port(), 0, MAX_PORT);
            v.check(pd.port() == null || pd.port() == 0 || ports.add(pd.port()), path + "/port", PORTS_UNIQUE);
            v.oneOf(path + "/protocol", pd.protocol(), PROTOCOLS);
            name(v, path + "/name", pd.name(), names);
        }
    }

    private static void container(AppDefinition app, Violations v) {
        Container c = app.container();
        if (c == null) {
            return;
        }
        v.oneOf("/container/type", c.type(), CONTAINER_TYPES);
        DockerContainer docker = c.docker();
        v.check(!c.isDockerEngine() || docker != null, "/container/docker", "must be defined for container type DOCKER");
        Map<String, ?> secrets = app.secrets() == null ? Map.of() : app.secrets();
        if (docker != null) {
            v.notEmpty("/container/docker/image", docker.image());
            v.oneOf("/container/docker/network", docker.network(), DOCKER_NETWORKS);
            if (docker.pullConfig() != null) {
                v.check(!c.isDockerEngine(), "/container/docker/pullConfig", "pullConfig is not supported with Docker containerizer");
                v.check(secrets.containsKey(docker.pullConfig().secret()), "/container/docker/pullConfig",
                        "pullConfig.secret must refer to an existing secret");
            }
            boolean both = docker.portMappings() != null && !docker.portMappings().isEmpty()
                    && c.portMappings() != null && !c.portMappings().isEmpty();
            v.check(!both, "/container", "cannot specify both portMappings and docker.portMappings");
        }
        long containerNetworks = app.networks() == null ? 0
                : app.networks().stream().filter(n -> Network.CONTAINER.equals(n.mode())).count();
        v.check(!c.isDockerEngine() || containerNetworks <= 1, "/",
                "may only specify a single container network when using the Docker container engine");
        List<PortMapping> mappings = c.portMappings() == null ? List.of() : c.portMappings();
        v.check(!app.isHostNetworking() || mappings.isEmpty(), "/", MAPPINGS_WITH_HOST);
        portMappings(app, mappings, v);
        List<Map<String, Object>> volumes = c.volumes() == null ? List.of() : c.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            Object secret = volumes.get(i) == null ? null : volumes.get(i).get("secret");
            v.check(secret == null || secrets.containsKey(String.valueOf(secret)), "/container/volumes(" + i + ")/secret",
                    "volume.secret must refer to an existing secret");
        }
    }

    private static void portMappings(AppDefinition app, List<PortMapping> mappings, Violations v) {
        List<String> networkNames = app.networks() == null ? List.of()
                : app.networks().stream().map(Network::name).filter(n -> n != null).toList();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            PortMapping m = mappings.get(i);
            String path = "/container/portMappings(" + i + ")";
            v.between(path + "/containerPort", m.containerPort(), 0, MAX_PORT);
            v.between(path + "/hostPort", m.hostPort(), 0, MAX_PORT);
            v.between(path + "/servicePort", m.servicePort(), 0, MAX_PORT);
            v.oneOf(path + "/protocol", m.protocol(), PROTOCOLS);
            name(v, path + "/name", m.name(), names);
            if (m.networkNames() != null) {
                v.check(networkNames.containsAll(m.networkNames()), path + "/networkNames",
                        "must name networks of the app");
            }
        }
    }

    private static void name(Violations v, String path, String name, Set<String> seen) {
        if (name == null) {
            return;
        }
        v.check(NAME.matcher(name).matches(), path, "must fully match regular expression '" + NAME_REGEX + "'");
        v.check(seen.add(name), path, PORT_NAMES_UNIQUE);
    }
}
