package dev.pacer.scheduler.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Killing tasks that fail their health checks, and the brake on it.
 *
 * @param maxUnhealthyShare        when more than this share of an app's running, checked tasks are
 *                                 unhealthy at once (and at least {@code minUnhealthyForBrake}), the
 *                                 app's health kills pause until the share drops
 * @param clusterMaxUnhealthyShare the same over every check of the cluster (health-service's figures):
 *                                 above it, every health kill pauses (a network blip, an overloaded checker)
 * @param minUnhealthyForBrake     fewer unhealthy tasks than this never engage an app's brake (a
 *                                 single-instance app that fails is replaced)
 * @param rateWindow               window of the kill rate limits
 * @param maxKillsPerApp           health kills of one app per window
 * @param maxKillsCluster          health kills of the whole cluster per window
 * @param checkerStatsMaxAge       a health-service instance's figures older than this are ignored (dead instance)
 * @param retryAfter               an app whose kills were held back is looked at again this soon
 */
@ConfigurationProperties(HealthKillProperties.PREFIX)
public record HealthKillProperties(
        @DefaultValue("0.5") double maxUnhealthyShare,
        @DefaultValue("0.5") double clusterMaxUnhealthyShare,
        @DefaultValue("2") int minUnhealthyForBrake,
        @DefaultValue("60s") Duration rateWindow,
        @DefaultValue("5") int maxKillsPerApp,
        @DefaultValue("50") int maxKillsCluster,
        @DefaultValue("10s") Duration checkerStatsMaxAge,
        @DefaultValue("5s") Duration retryAfter) {

    public static final String PREFIX = "pacer.scheduler.health";
}
