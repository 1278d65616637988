package dev.pacer.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node this agent runs on, as placement sees it.
 *
 * @param zone   fault zone ({@code @zone} in constraints); agents in one zone share a failure domain
 * @param region region ({@code @region} in constraints)
 */
@ConfigurationProperties(AgentProperties.PREFIX)
public record AgentProperties(
        @DefaultValue("default") String zone,
        @DefaultValue("default") String region) {

    public static final String PREFIX = "pacer.agent";
}
