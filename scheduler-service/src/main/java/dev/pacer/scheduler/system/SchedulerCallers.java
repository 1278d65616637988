package dev.pacer.scheduler.system;

import dev.pacer.boot.tls.CallerRules;
import dev.pacer.boot.tls.Identities;
import dev.pacer.contract.ApiPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the scheduler once mutual TLS is on: the Marathon API is the gateway's (which
 * authenticates and authorizes users) and an operator's; nothing else calls it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerCallers {

    @Bean
    CallerRules schedulerCallerRules() {
        return CallerRules.builder()
                .allow(ApiPaths.V2 + "/**", Identities.GATEWAY, Identities.OPERATOR)
                .allow(ApiPaths.PING, Identities.GATEWAY, Identities.OPERATOR)
                .allow(ApiPaths.METRICS, Identities.GATEWAY, Identities.OPERATOR)
                .build();
    }
}
