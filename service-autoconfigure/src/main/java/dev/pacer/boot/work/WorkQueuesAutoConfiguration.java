package dev.pacer.boot.work;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link WorkQueues} for every service, and its readiness contributor {@code workQueues} (added to the
 * readiness group in {@code pacer-defaults.properties}; liveness never includes it).
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
public class WorkQueuesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkQueues workQueues(ObjectProvider<MeterRegistry> registry) {
        return new WorkQueues(registry.getIfAvailable());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Readiness {

        @Bean
        WorkQueuesHealthIndicator workQueuesHealthIndicator(WorkQueues queues) {
            return new WorkQueuesHealthIndicator(queues);
        }
    }
}
