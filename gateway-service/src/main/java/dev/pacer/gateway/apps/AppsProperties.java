package dev.pacer.gateway.apps;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * App traffic: {@code /apps/{app id}/**} (and, with a domain, {@code <name>.<group>.<domain>}) to an
 * UP instance of the app, as registered in Eureka by the agents.
 *
 * @param eurekaUrls     every Eureka peer; default {@code eureka.client.service-url.defaultZone}
 * @param resyncInterval how often the whole registry is re-read (the safety net behind instance-change
 *                       messages on Redis; also how fast an agent's expired instances disappear)
 * @param requestTimeout timeout of one registry read from one peer
 * @param retries        further instances tried when connecting to one fails
 * @param domain         apps domain for host-based routing ({@code web.team.apps.example.com} is
 *                       {@code /team/web}); none by default
 */
@ConfigurationProperties(AppsProperties.PREFIX)
public record AppsProperties(
        List<String> eurekaUrls,
        @DefaultValue("2s") Duration resyncInterval,
        @DefaultValue("2s") Duration requestTimeout,
        @DefaultValue("2") int retries,
        String domain) {

    public static final String PREFIX = "pacer.gateway.apps";

    /** Path prefix of app traffic. */
    public static final String PATH_PREFIX = "/apps";

    public AppsProperties {
        eurekaUrls = eurekaUrls == null ? List.of() : List.copyOf(eurekaUrls);
        if (retries < 0) {
            throw new IllegalArgumentException(PREFIX + ".retries cannot be negative");
        }
    }
}
