package dev.pacer.contract.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Docker container of a task ({@code LaunchRequest.container}), filled by the scheduler from the app's
 * {@code container} of type {@code DOCKER}. Host ports are already chosen: each mapping carries the host
 * port claimed for it (in the order of {@code LaunchRequest.ports}), or 0 when it has none (USER networks).
 *
 * @param image          the Docker image, as {@code docker run} takes it
 * @param forcePullImage pull the image before every launch, even when it is present
 * @param privileged     run privileged (an agent refuses it unless its operator allows it)
 * @param parameters     extra {@code docker run} options, {@code --key=value} (an agent runs only those its
 *                       operator allow-lists)
 * @param network        {@link #HOST}, {@link #BRIDGE} or {@link #USER}
 * @param networkName    the Docker network of a {@link #USER} network (null: Docker's default)
 * @param portMappings   container port to host port, for BRIDGE and USER networks
 * @param volumes        host paths mounted into the container (an agent mounts only paths under its
 *                       operator's allowed prefixes)
 */
public record ContainerSpec(String image, Boolean forcePullImage, Boolean privileged, List<Parameter> parameters,
                            String network, String networkName, List<PortMapping> portMappings,
                            List<Volume> volumes) {

    public static final String HOST = "HOST";
    public static final String BRIDGE = "BRIDGE";
    public static final String USER = "USER";

    public ContainerSpec {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        network = network == null ? HOST : network;
        forcePullImage = Boolean.TRUE.equals(forcePullImage);
        privileged = Boolean.TRUE.equals(privileged);
    }

    /** An image on the host network, nothing else. */
    public static ContainerSpec of(String image) {
        return new ContainerSpec(image, false, false, List.of(), HOST, null, List.of(), List.of());
    }

    /** This container with each mapping's {@code hostPort} the port claimed for it (in order; 0 past the last). */
    public ContainerSpec withHostPorts(List<Integer> claimed) {
        List<PortMapping> mappings = new ArrayList<>();
        for (int i = 0; i < portMappings.size(); i++) {
            PortMapping m = portMappings.get(i);
            mappings.add(new PortMapping(m.containerPort(), i < claimed.size() ? claimed.get(i) : 0, m.protocol(), m.name()));
        }
        return new ContainerSpec(image, forcePullImage, privileged, parameters, network, networkName, mappings, volumes);
    }

    /** A {@code docker run} option, {@code --key=value}. */
    public record Parameter(String key, String value) {

        public Parameter {
            Objects.requireNonNull(key, "key");
            value = value == null ? "" : value;
        }
    }

    /**
     * @param containerPort the port inside the container (0: the same as the host port)
     * @param hostPort      the host port claimed for it, 0 when none
     * @param protocol      {@code tcp}, {@code udp} or {@code udp,tcp}
     * @param name          the mapping's name, null when unnamed
     */
    public record PortMapping(Integer containerPort, Integer hostPort, String protocol, String name) {

        public PortMapping {
            containerPort = containerPort == null ? 0 : containerPort;
            hostPort = hostPort == null ? 0 : hostPort;
            protocol = protocol == null ? "tcp" : protocol;
        }

        /** The port the process inside listens on. */
        public int effectiveContainerPort() {
            return containerPort == 0 ? hostPort : containerPort;
        }
    }

    /**
     * A host path mounted into the container.
     *
     * @param containerPath absolute path inside the container
     * @param hostPath      absolute path on the agent's host, or relative to the task's sandbox
     * @param mode          {@code RO} or {@code RW}
     */
    public record Volume(String containerPath, String hostPath, String mode) {

        public Volume {
            mode = mode == null ? "RW" : mode;
        }

        public boolean readOnly() {
            return "RO".equalsIgnoreCase(mode);
        }
    }
}
