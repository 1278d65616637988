package dev.pacer.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The health checker.
 *
 * @param resyncInterval  every app with health checks is re-read this often (a safety net: app hints
 *                        bring changes within milliseconds)
 * @param syncTick        how often hinted apps and membership changes are acted upon
 * @param maxInFlight     probes in flight at once (the workers of the probe queue)
 * @param pendingCapacity probes waiting for a free slot; beyond it a probe is skipped (counted, never
 *                        counted as a failure: an overloaded checker must not fail healthy tasks)
 * @param minInterval     floor of a check's {@code intervalSeconds}
 * @param writeInterval   results and transitions are written to Redis in one pipeline this often
 * @param statsInterval   this instance's figures ({@code CheckerStats}) are published this often
 * @param virtualNodes    points per instance on the consistent-hash ring
 * @param ioThreads       Netty event-loop threads of the prober (0: one per core)
 */
@ConfigurationProperties(HealthProperties.PREFIX)
public record HealthProperties(
        @DefaultValue("30s") Duration resyncInterval,
        @DefaultValue("200ms") Duration syncTick,
        @DefaultValue("2000") int maxInFlight,
        @DefaultValue("50000") int pendingCapacity,
        @DefaultValue("1s") Duration minInterval,
        @DefaultValue("50ms") Duration writeInterval,
        @DefaultValue("2s") Duration statsInterval,
        @DefaultValue("128") int virtualNodes,
        @DefaultValue("0") int ioThreads) {

    public static final String PREFIX = "pacer.health";

    /** The defaults, for tests and the benchmark. */
    public static HealthProperties defaults() {
        return new HealthProperties(Duration.ofSeconds(30), Duration.ofMillis(200), 2000, 50_000, Duration.ofSeconds(1),
                Duration.ofMillis(50), Duration.ofSeconds(2), 128, 0);
    }

    public HealthProperties withResyncInterval(Duration interval) {
        return new HealthProperties(interval, syncTick, maxInFlight, pendingCapacity, minInterval, writeInterval,
                statsInterval, virtualNodes, ioThreads);
    }
}
