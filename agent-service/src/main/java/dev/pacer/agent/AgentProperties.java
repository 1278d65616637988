package dev.pacer.agent;

import dev.pacer.contract.agent.PortRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node this agent runs on, as placement sees it, and how the agent runs tasks on it. Properties
 * left unset get the defaults resolved by {@link dev.pacer.agent.node.NodeResolver}.
 *
 * @param id                  stable agent id, unique in the cluster; default {@code <hostname>-<server.port>}
 * @param host                host name tasks are reachable at; default {@code eureka.instance.hostname},
 *                            else the machine's host name
 * @param zone                fault zone ({@code @zone} in constraints); agents in one zone share a failure domain
 * @param region              region ({@code @region} in constraints)
 * @param attributes          free-form attributes for constraints ({@code pacer.agent.attributes.rack=r1})
 * @param cpus                cpus tasks may use in all; default the number of processors
 * @param mem                 memory (MiB) tasks may use in all; default half the physical memory, else 4096
 * @param disk                disk (MiB) tasks may use in all
 * @param ports               host ports handed out to tasks, {@code begin-end} inclusive
 * @param heartbeatInterval   how often the agent renews its heartbeat in Redis
 * @param workDir             where sandboxes and checkpoints live; default
 *                            {@code ${java.io.tmpdir}/pacer-agent/<id>}. Must survive the agent's restart.
 * @param retainTerminal      how long a finished task and its sandbox are kept before they are deleted
 * @param killGracePeriod     SIGTERM to SIGKILL delay when a launch request gives none (0 or less)
 * @param statusOutboxCapacity status updates kept in memory while Redis is unreachable; the oldest
 *                            are dropped beyond it
 * @param statusRetryInterval how often the agent retries appending status updates while Redis is down
 */
@ConfigurationProperties(AgentProperties.PREFIX)
public record AgentProperties(
        String id,
        String host,
        @DefaultValue("default") String zone,
        @DefaultValue("default") String region,
        Map<String, String> attributes,
        Double cpus,
        Double mem,
        @DefaultValue("10240") double disk,
        @DefaultValue("31000-32000") PortRange ports,
        @DefaultValue("2s") Duration heartbeatInterval,
        Path workDir,
        @DefaultValue("1h") Duration retainTerminal,
        @DefaultValue("3s") Duration killGracePeriod,
        @DefaultValue("10000") int statusOutboxCapacity,
        @DefaultValue("1s") Duration statusRetryInterval) {

    public static final String PREFIX = "pacer.agent";

    public AgentProperties {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".heartbeat-interval must be positive");
        }
        if (statusOutboxCapacity < 1) {
            throw new IllegalArgumentException(PREFIX + ".status-outbox-capacity must be at least 1");
        }
        if (killGracePeriod.isNegative() || retainTerminal.isNegative() || statusRetryInterval.isNegative()) {
            throw new IllegalArgumentException(PREFIX + " durations cannot be negative");
        }
    }
}
