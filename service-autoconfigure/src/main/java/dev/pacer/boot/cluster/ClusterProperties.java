package dev.pacer.boot.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster membership over Redis.
 *
 * @param heartbeatInterval how often an instance renews its lease, announces itself and rereads the
 *                          member sets
 * @param leaseTtl          how long an instance counts as alive after its last renewal; a crashed
 *                          instance disappears from every view after at most this long
 * @param hostname          the host part of this instance's id; defaults to the Eureka hostname,
 *                          else the machine's host name
 */
@ConfigurationProperties(ClusterProperties.PREFIX)
public record ClusterProperties(
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("6s") Duration leaseTtl,
        String hostname) {

    public static final String PREFIX = "pacer.cluster";

    public ClusterProperties {
        if (leaseTtl.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".lease-ttl must be at least twice " + PREFIX + ".heartbeat-interval");
        }
    }
}
