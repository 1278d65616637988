package dev.pacer.scheduler.definition.spec;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Container;
import dev.pacer.contract.marathon.app.DockerContainer;
import dev.pacer.contract.marathon.app.Network;
import dev.pacer.contract.marathon.app.PortMapping;
import dev.pacer.contract.task.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Docker container an agent runs for a {@code container.type: DOCKER} app, from its stored
 * (normalised) definition: image, pull, privileged, parameters, network (HOST, BRIDGE, or USER with the
 * named container network), port mappings as declared, host volumes. Secret volumes are not here: they
 * are the launch's secret files, written into the sandbox the container mounts.
 */
final class DockerSpecs {

    private DockerSpecs() {
    }

    /** The app's container, or null when it is not a Docker app. */
    static ContainerSpec container(AppDefinition app) {
        Container container = app.container();
        if (container == null || !container.isDockerEngine() || container.docker() == null) {
            return null;
        }
        DockerContainer docker = container.docker();
        List<ContainerSpec.Parameter> parameters = docker.parameters() == null ? List.of()
                : docker.parameters().stream().map(p -> new ContainerSpec.Parameter(p.key(), p.value())).toList();
        String network = ContainerSpec.HOST;
        String networkName = null;
        if (!app.isHostNetworking()) {
            Network first = app.networks().get(0);
            network = Network.BRIDGE.equals(first.mode()) ? ContainerSpec.BRIDGE : ContainerSpec.USER;
            networkName = network.equals(ContainerSpec.USER) ? first.name() : null;
        }
        return new ContainerSpec(docker.image(), docker.forcePullImage(), docker.privileged(), parameters, network,
                networkName, network.equals(ContainerSpec.HOST) ? List.of() : mappings(container), volumes(container));
    }

    /** A mapping's declared {@code hostPort} (0: any) for each mapping, when any is fixed; else empty (any ports). */
    static List<Integer> requiredHostPorts(AppDefinition app) {
        if (app.container() == null || app.container().portMappings() == null) {
            return List.of();
        }
        List<Integer> ports = app.container().portMappings().stream()
                .map(m -> m.hostPort() == null ? 0 : m.hostPort()).toList();
        return ports.stream().allMatch(p -> p == 0) ? List.of() : ports;
    }

    private static List<ContainerSpec.PortMapping> mappings(Container container) {
        List<ContainerSpec.PortMapping> mappings = new ArrayList<>();
        for (PortMapping m : container.portMappings() == null ? List.<PortMapping>of() : container.portMappings()) {
            mappings.add(new ContainerSpec.PortMapping(m.containerPort(), m.hostPort(), m.protocol(), m.name()));
        }
        return mappings;
    }

    /** Host volumes (hostPath → containerPath); other kinds but secrets go as they are, for the agent to refuse. */
    private static List<ContainerSpec.Volume> volumes(Container container) {
        List<ContainerSpec.Volume> volumes = new ArrayList<>();
        for (Map<String, Object> volume : container.volumes() == null ? List.<Map<String, Object>>of() : container.volumes()) {
            if (volume == null || volume.get("secret") != null) {
                continue;
            }
            volumes.add(new ContainerSpec.Volume(text(volume.get("containerPath")), text(volume.get("hostPath")),
                    text(volume.get("mode"))));
        }
        return volumes;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
