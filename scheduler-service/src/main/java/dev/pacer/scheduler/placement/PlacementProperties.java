package dev.pacer.scheduler.placement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Placement of tasks on agents.
 *
 * @param heartbeatTimeout an agent whose last heartbeat (its score in {@code pacer:v1:agents}) is older
 *                         than this takes no new tasks
 */
@ConfigurationProperties(PlacementProperties.PREFIX)
record PlacementProperties(@DefaultValue("15s") Duration heartbeatTimeout) {

    public static final String PREFIX = "pacer.scheduler.placement";

    public PlacementProperties {
        if (heartbeatTimeout == null || heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".heartbeat-timeout must be positive");
        }
    }
}
