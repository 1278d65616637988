package dev.pacer.agent.secrets;

import dev.pacer.agent.node.AgentNode;
import dev.pacer.boot.tls.PacerTls;
import dev.pacer.contract.ServiceName;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The agent's side of secrets: redeem grants at secrets-service (configured URL, else from Eureka). */
@Configuration(proxyBeanMethods = false)
class AgentSecretsConfiguration {

    @Bean
    SecretInjector secretInjector(AgentSecretsProperties properties, ObjectProvider<DiscoveryClient> discovery,
                                  JsonMapper json, AgentNode node, PacerTls tls) {
        SecretsClient client = new SecretsClient(() -> {
            if (properties.url() != null) {
                return List.of(properties.url());
            }
            DiscoveryClient found = discovery.getIfAvailable();
            if (found == null) {
                return List.of();
            }
            return found.getInstances(ServiceName.SECRETS.toString()).stream().map(ServiceInstance::getUri).toList();
        }, json, properties.timeout(), tls);
        return new GrantSecretInjector(client, node.id().value());
    }
}
