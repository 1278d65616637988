package dev.pacer.gateway.authz;

import dev.pacer.gateway.metrics.GatewayMetrics;
import dev.pacer.gateway.route.RouteIds;
import dev.pacer.gateway.security.SecurityProperties;
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

    @Bean
    MarathonAccessFilter marathonAccessFilter(AccessPolicy policy, JsonMapper json, GatewayMetrics metrics) {
        return new MarathonAccessFilter(Set.of(RouteIds.MARATHON_API), policy, json, metrics);
    }
}
