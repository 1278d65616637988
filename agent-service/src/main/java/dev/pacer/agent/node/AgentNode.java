package dev.pacer.agent.node;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * This agent's node with every default resolved: who it is, what it offers, where it keeps its files.
 *
 * @param workDir root of {@code sandboxes/} and {@code tasks/} (checkpoints)
 */
public record AgentNode(AgentId id, String host, String zone, String region, Map<String, String> attributes,
                        Resources capacity, PortRange ports, Path workDir) {

    public AgentNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(workDir, "workDir");
    }

    /** This node with one more attribute (replacing one of the same name). */
    public AgentNode withAttribute(String name, String value) {
        Map<String, String> more = new HashMap<>(attributes);
        more.put(name, value);
        return new AgentNode(id, host, zone, region, more, capacity, ports, workDir);
    }

    /** What the agent registers in Redis once its API listens on {@code apiPort}. */
    public AgentInfo info(int apiPort) {
        return new AgentInfo(id.value(), host, apiPort, zone, region, attributes, capacity, ports);
    }
}
