package dev.pacer.scheduler.shard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation shards: apps are spread over a fixed number of shards by app id, and each shard is
 * reconciled by the one scheduler instance that holds its lease in Redis.
 *
 * @param count         number of shards; fixed for the life of a cluster (changing it moves apps
 *                      between shards)
 * @param leaseTtl      how long a lease lasts without renewal: a dead instance's shards are taken
 *                      over after at most this long
 * @param renewInterval how often an instance renews its leases and rebalances towards its fair share
 */
@ConfigurationProperties(ShardProperties.PREFIX)
public record ShardProperties(
        @DefaultValue("32") int count,
        @DefaultValue("6s") Duration leaseTtl,
        @DefaultValue("2s") Duration renewInterval) {

    public static final String PREFIX = "pacer.scheduler.shards";

    public ShardProperties {
        if (count < 1) {
            throw new IllegalArgumentException(PREFIX + ".count must be at least 1");
        }
        if (leaseTtl.compareTo(renewInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".lease-ttl must be at least twice " + PREFIX + ".renew-interval");
        }
    }
}
