package dev.pacer.scheduler.agent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduler talks to agents and when it gives one up. Bound under reconcile's prefix, where these two
 * keys have always been documented ({@code pacer.scheduler.reconcile.agent-lost-after}, {@code .agent-call-timeout}),
 * so an operator's configuration keeps working.
 *
 * @param agentLostAfter   an agent silent this long is lost; its tasks become unreachable
 * @param agentCallTimeout timeout of a call to an agent's API
 */
@ConfigurationProperties(AgentProperties.PREFIX)
public record AgentProperties(
        @DefaultValue("10s") Duration agentLostAfter,
        @DefaultValue("5s") Duration agentCallTimeout) {

    public static final String PREFIX = "pacer.scheduler.reconcile";
}
