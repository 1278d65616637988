package dev.pacer.contract.marathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A task in Marathon's JSON (reference §5). {@code slaveId} and {@code agentId} both carry the agent
 * id (Marathon sends the first, the Java client reads the second); {@code stagedAt}, {@code startedAt}
 * and {@code version} are left out when unknown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarathonTask(String id, String appId, String host, String slaveId, String agentId, String state,
                           String stagedAt, String startedAt, String version, List<Integer> ports,
                           List<Integer> servicePorts, List<IpAddress> ipAddresses,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Object> healthCheckResults,
                           String region, String zone, String role) {

    public record IpAddress(String ipAddress, String protocol) {
    }
}
