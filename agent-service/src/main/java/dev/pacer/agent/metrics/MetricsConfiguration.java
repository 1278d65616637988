package dev.pacer.agent.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    AgentMetrics agentMetrics(MeterRegistry registry) {
        return new MicrometerAgentMetrics(registry);
    }
}
