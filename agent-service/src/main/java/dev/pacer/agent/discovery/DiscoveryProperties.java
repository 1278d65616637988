package dev.pacer.agent.discovery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the agent registers its running tasks in Eureka.
 *
 * @param enabled        register task instances at all
 * @param eurekaUrls     every Eureka peer ({@code http://host:8761/eureka/}); default
 *                       {@code eureka.client.service-url.defaultZone} (comma-separated {@code EUREKA_URL})
 * @param renewInterval  how often each instance's lease is renewed and health is re-read from Redis
 *                       (the safety net behind health-transition messages)
 * @param leaseDuration  how long Eureka keeps an instance that is no longer renewed (the agent died)
 * @param requestTimeout timeout of one call to a Eureka peer before the next peer is tried
 * @param drainTimeout   how long a kill waits, at most, for its task to be marked OUT_OF_SERVICE in
 *                       Eureka before the task is signalled
 * @param drainGrace     then how long it waits more when the task was UP, for gateways to stop
 *                       routing to it (they re-read the app on the change message within milliseconds)
 * @param apiUrl         the Marathon API as users reach it (the gateway's public URL, e.g.
 *                       {@code https://pacer.example.com}): each task instance's status page in Eureka, which the
 *                       dashboard links, is {@code <api-url>/v2/apps/<app id>/tasks}; unset, the task's own
 *                       {@code http://host:port/} (none without a port)
 */
@ConfigurationProperties(DiscoveryProperties.PREFIX)
public record DiscoveryProperties(
        @DefaultValue("true") boolean enabled,
        List<String> eurekaUrls,
        @DefaultValue("2s") Duration renewInterval,
        @DefaultValue("6s") Duration leaseDuration,
        @DefaultValue("2s") Duration requestTimeout,
        @DefaultValue("1s") Duration drainTimeout,
        @DefaultValue("150ms") Duration drainGrace,
        URI apiUrl) {

    public static final String PREFIX = "pacer.agent.discovery";

    public DiscoveryProperties {
        eurekaUrls = eurekaUrls == null ? List.of() : List.copyOf(eurekaUrls);
        if (renewInterval.isNegative() || renewInterval.isZero() || leaseDuration.compareTo(renewInterval) <= 0) {
            throw new IllegalArgumentException(PREFIX + ".lease-duration must exceed a positive renew-interval");
        }
    }
}
