package dev.pacer.agent.task.web;

import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.task.ContainerSpec;
import java.util.List;
import java.util.Set;

/**
 * The shape of a launch's container: an image, a known network, one mapping per claimed port (its host
 * port that port), absolute container paths. What the operator allows (privileged, parameters, host
 * paths) is the Docker launcher's to check: a refusal there fails the task with its reason.
 */
final class ContainerRules {

    private static final Set<String> NETWORKS = Set.of(ContainerSpec.HOST, ContainerSpec.BRIDGE, ContainerSpec.USER);
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "udp,tcp", "tcp,udp");

    private ContainerRules() {
    }

    static void check(ContainerSpec container, List<Integer> ports, List<ErrorDetail> errors) {
        if (container == null) {
            return;
        }
        if (container.image() == null || container.image().isBlank() || container.image().startsWith("-")) {
            errors.add(ErrorDetail.of("/container/image", "must be an image name"));
        }
        if (!NETWORKS.contains(container.network())) {
            errors.add(ErrorDetail.of("/container/network", "must be one of " + NETWORKS));
        }
        List<Integer> claimed = ports == null ? List.of() : ports;
        List<ContainerSpec.PortMapping> mappings = container.portMappings();
        for (int i = 0; i < mappings.size(); i++) {
            ContainerSpec.PortMapping m = mappings.get(i);
            String path = "/container/portMappings(" + i + ")";
            if (m.containerPort() < 0 || m.containerPort() > 65535 || m.hostPort() < 0 || m.hostPort() > 65535) {
                errors.add(ErrorDetail.of(path, "ports must be between 0 and 65535"));
            } else if (m.hostPort() != 0 && !claimed.contains(m.hostPort())) {
                errors.add(ErrorDetail.of(path + "/hostPort", "must be one of the task's ports"));
            }
            if (!PROTOCOLS.contains(m.protocol())) {
                errors.add(ErrorDetail.of(path + "/protocol", "must be tcp, udp or udp,tcp"));
            }
        }
        for (int i = 0; i < container.volumes().size(); i++) {
            String containerPath = container.volumes().get(i).containerPath();
            String hostPath = container.volumes().get(i).hostPath();
            if (hostPath != null && hostPath.contains(":")) {
                errors.add(ErrorDetail.of("/container/volumes(" + i + ")/hostPath", "must not contain ':'"));
            }
            if (containerPath == null || !containerPath.startsWith("/") || containerPath.contains(":")) {
                errors.add(ErrorDetail.of("/container/volumes(" + i + ")/containerPath", "must be an absolute path without ':'"));
            }
        }
        for (int i = 0; i < container.parameters().size(); i++) {
            String key = container.parameters().get(i).key();
            if (key.isBlank() || key.startsWith("-") || key.contains("=")) {
                errors.add(ErrorDetail.of("/container/parameters(" + i + ")/key", "must be an option name without '-' or '='"));
            }
        }
    }
}
