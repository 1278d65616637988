package dev.pacer.scheduler.deploy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code pacer.deployments.started{kind}}, {@code pacer.deployments.ended{outcome}}, {@code pacer.deployments.running},
 * {@code pacer.deployments.duration{outcome}} (start to end, histogram buckets so that quantiles aggregate).
 */
public class DeploymentMetrics {

    private final MeterRegistry registry;

    public DeploymentMetrics(MeterRegistry registry, Supplier<Number> running) {
        this.registry = registry;
        Gauge.builder("pacer.deployments.running", running).description("Deployments in progress").register(registry);
    }

    void started(DeploymentPlan plan) {
        Counter.builder("pacer.deployments.started").tag("kind", plan.rollbackOf() == null ? "change" : "rollback")
                .register(registry).increment();
    }

    void ended(String outcome, Duration took) {
        Counter.builder("pacer.deployments.ended").tag("outcome", outcome).register(registry).increment();
        Timer.builder("pacer.deployments.duration").description("Deployments from start to end, by outcome")
                .tag("outcome", outcome).publishPercentileHistogram().register(registry).record(took);
    }
}
