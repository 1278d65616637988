package dev.pacer.contract.marathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pacer.contract.marathon.app.Timestamp;
import java.util.List;

/**
 * A task in Marathon's JSON (reference §5, RAML {@code types/task.raml}): exactly Marathon's keys.
 * {@code slaveId} carries the agent id (Marathon has no {@code agentId} key); {@code stagedAt},
 * {@code startedAt} and {@code version} are left out when unknown, and every timestamp is a
 * {@link Timestamp} (milliseconds, UTC).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarathonTask(String id, String appId, String host, String slaveId, String state,
                           Timestamp stagedAt, Timestamp startedAt, Timestamp version, List<Integer> ports,
                           List<Integer> servicePorts, List<IpAddress> ipAddresses,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HealthCheckResult> healthCheckResults,
                           String region, String zone, String role) {

    public record IpAddress(String ipAddress, String protocol) {
    }
}
