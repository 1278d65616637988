package dev.pacer.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrometerPlacementMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerPlacementMetrics metrics = new MicrometerPlacementMetrics(registry);

    @Test
    void placementsAreCountedByResult_andDeclinesOncePerReason() {
        metrics.placed();
        metrics.declined(Map.of("insufficient_mem", 3, "constraint_UNIQUE_hostname", 2));
        metrics.declined(Map.of("insufficient_mem", 1));
        metrics.declined(Map.of());

        assertThat(count("pacer.scheduler.placements", "result", "placed")).isEqualTo(1);
        assertThat(count("pacer.scheduler.placements", "result", "declined")).isEqualTo(3);
        assertThat(count("pacer.scheduler.placement.declines", "reason", "insufficient_mem")).isEqualTo(2);
        assertThat(count("pacer.scheduler.placement.declines", "reason", "constraint_UNIQUE_hostname")).isEqualTo(1);
        assertThat(count("pacer.scheduler.placement.declines", "reason", "no_agents")).isEqualTo(1);
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }
}
