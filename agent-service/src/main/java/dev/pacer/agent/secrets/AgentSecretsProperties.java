package dev.pacer.agent.secrets;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the agent redeems grants.
 *
 * @param url     secrets-service's base URL; default: an instance of {@code secrets-service} from Eureka
 * @param timeout connect and answer timeout of a redemption
 */
@ConfigurationProperties(AgentSecretsProperties.PREFIX)
public record AgentSecretsProperties(URI url, @DefaultValue("5s") Duration timeout) {

    public static final String PREFIX = "pacer.agent.secrets";
}
