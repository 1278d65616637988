package dev.pacer.contract.agent;

import java.util.Map;
import java.util.Objects;

/**
 * A node as its agent registers it: written by the agent into the {@code info} field of
 * {@link dev.pacer.contract.RedisKeys#agent} at start-up (and rewritten unchanged at every restart).
 *
 * @param id         stable agent id ({@code pacer.agent.id}); also Marathon's {@code slaveId}/{@code agentId}
 * @param host       host name tasks are reachable at
 * @param apiPort    port of the agent's HTTP API ({@code /api/agent/**})
 * @param zone       {@code @zone} in constraints
 * @param region     {@code @region} in constraints
 * @param attributes free-form attributes ({@code rack: r1}) for constraints
 * @param capacity   what tasks may use in all
 * @param ports      host ports the agent hands out
 */
public record AgentInfo(String id, String host, int apiPort, String zone, String region,
                        Map<String, String> attributes, Resources capacity, PortRange ports) {

    public AgentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(ports, "ports");
    }

    /** Base URL of the agent's HTTP API. */
    public String apiUrl() {
        return "http://" + host + ":" + apiPort;
    }
}
