package dev.pacer.health.shard.web;

import dev.pacer.boot.tls.CallerRules;
import dev.pacer.boot.tls.Identities;
import dev.pacer.contract.ApiPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call health-service's API once mutual TLS is on: the gateway (users' reads) and an operator. */
@Configuration(proxyBeanMethods = false)
class HealthCallers {

    @Bean
    CallerRules healthCallerRules() {
        return CallerRules.builder()
                .allow(ApiPaths.API_HEALTH + "/**", Identities.GATEWAY, Identities.OPERATOR)
                .build();
    }
}
