package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeploymentMetricsTest {

    @Test
    void ended_countsTheOutcomeAndRecordsHowLongTheDeploymentTook() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeploymentMetrics metrics = new DeploymentMetrics(registry, () -> 0);

        metrics.ended("finished", Duration.ofSeconds(3));
        metrics.ended("finished", Duration.ofSeconds(5));
        metrics.ended("cancelled", Duration.ofMillis(200));

        Timer finished = registry.get("pacer.deployments.duration").tag("outcome", "finished").timer();
        assertThat(finished.count()).isEqualTo(2);
        assertThat(finished.totalTime(TimeUnit.SECONDS)).isEqualTo(8.0);
        assertThat(registry.get("pacer.deployments.duration").tag("outcome", "cancelled").timer().count()).isEqualTo(1);
        assertThat(registry.get("pacer.deployments.ended").tag("outcome", "finished").counter().count()).isEqualTo(2.0);
    }
}
