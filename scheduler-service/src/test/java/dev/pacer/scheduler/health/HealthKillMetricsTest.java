package dev.pacer.scheduler.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HealthKillMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HealthKillMetrics metrics = new HealthKillMetrics(registry);

    @Test
    void everyResultExistsAtZero_beforeTheFirstKill() {
        assertThat(registry.get("pacer.scheduler.health.kills").counters()).hasSize(5)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void kills_countByResult_andBrakesShowAsGauges() {
        metrics.kills("killed", 2);
        metrics.kills("held_cluster_share", 3);
        metrics.appBrake("/a", true);
        metrics.clusterBrake(true);

        assertThat(registry.get("pacer.scheduler.health.kills").tag("result", "killed").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("pacer.scheduler.health.kills").tag("result", "held_cluster_share").counter().count())
                .isEqualTo(3.0);
        assertThat(registry.get("pacer.scheduler.health.brake").tag("scope", "app").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("pacer.scheduler.health.brake").tag("scope", "cluster").gauge().value()).isEqualTo(1.0);
    }
}
