package dev.pacer.gateway.authz;

import dev.pacer.gateway.metrics.GatewayMetrics;
import dev.pacer.gateway.route.RouteIds;
import dev.pacer.gateway.security.SecurityProperties;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthzProperties.class)
class AuthzConfiguration {

    @Bean
    AccessPolicy accessPolicy(AuthzProperties authz, SecurityProperties security) {
        return new AccessPolicy(authz.rules(), security.enabled());
    }

    /**
     * The Marathon API and the secrets API have their classifiers; every other control-plane route
     * (health-service's API) is an operator's: {@code view} or {@code update} on {@code /}.
     */
    @Bean
    AccessFilter accessFilter(AccessPolicy policy, JsonMapper json, GatewayMetrics metrics) {
        return new AccessFilter(Map.of(
                RouteIds.MARATHON_API, RequestClassifier::classify,
                RouteIds.SECRETS_API, SecretsClassifier::classify),
                Set.of(RouteIds.APP_TRAFFIC, RouteIds.APP_HOST_TRAFFIC), policy, json, metrics);
    }
}
