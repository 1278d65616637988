package dev.pacer.agent.health;

import dev.pacer.agent.node.AgentNode;
import dev.pacer.boot.work.WorkQueues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AgentHealthConfiguration {

    /** Four probe threads, 1000 probes queued at most. */
    @Bean(destroyMethod = "close")
    AgentHealthChecks agentHealthChecks(StringRedisTemplate redis, JsonMapper json, Clock clock, AgentNode node,
                                        MeterRegistry registry, WorkQueues workQueues) {
        AgentHealthChecks checks = new AgentHealthChecks(redis, json, clock, node.host(), registry, 4, 1000);
        Gauge.builder("pacer.agent.health.tasks", checks, AgentHealthChecks::tasksChecked)
                .description("Tasks whose agent-side checks run now").register(registry);
        return workQueues.register(checks);
    }
}
