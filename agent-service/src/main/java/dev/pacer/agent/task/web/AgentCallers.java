package dev.pacer.agent.task.web;

import dev.pacer.boot.tls.CallerRules;
import dev.pacer.boot.tls.Identities;
import dev.pacer.contract.ApiPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the agent API once mutual TLS is on: launching and killing tasks is the scheduler's
 * alone; the scheduler and an operator may read tasks and their sandbox logs.
 */
@Configuration(proxyBeanMethods = false)
class AgentCallers {

    /** {@code /api/agent/tasks/**} also matches {@code /api/agent/tasks} itself. */
    @Bean
    CallerRules agentCallerRules() {
        return CallerRules.builder()
                .allowMethod("GET", ApiPaths.AGENT_TASKS + "/**", Identities.SCHEDULER, Identities.OPERATOR)
                .allow(ApiPaths.AGENT_TASKS + "/**", Identities.SCHEDULER)
                .build();
    }
}
