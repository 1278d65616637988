package dev.pacer.secrets.web;

import dev.pacer.boot.tls.CallerRules;
import dev.pacer.boot.tls.Identities;
import dev.pacer.contract.secrets.SecretsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call secrets-service once mutual TLS is on: {@code _redeem} only agents (and the controller
 * then requires the grant to be the calling agent's own), {@code _rewrap} only an operator or
 * secrets-service itself, the user API ({@code /api/secrets/**}: write, list, versions, audit) the
 * gateway and an operator.
 */
@Configuration(proxyBeanMethods = false)
class SecretsCallers {

    @Bean
    CallerRules secretsCallerRules() {
        return CallerRules.builder()
                .allow(SecretsApi.REDEEM, Identities.ANY_AGENT)
                .allow(SecretsApi.REWRAP, Identities.OPERATOR, Identities.SECRETS)
                .allow(SecretsApi.ROOT + "/**", Identities.GATEWAY, Identities.OPERATOR)
                .build();
    }
}
