package dev.pacer.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class UnreachableInstancesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnreachableInstances instances = new UnreachableInstances(Duration.ofSeconds(15), clock, registry);

    private static final ServiceInstance A = instance("scheduler-1", 8081);
    private static final ServiceInstance B = instance("scheduler-2", 8081);

    @Test
    void anUnreachableInstance_isSkippedForTheEjectionTime_thenDrawnAgain() {
        instances.unreachable("scheduler-service", "scheduler-1", 8081);
        assertThat(instances.reachable(List.of(A, B))).containsExactly(B);
        clock.advance(Duration.ofSeconds(14));
        assertThat(instances.reachable(List.of(A, B))).containsExactly(B);
        clock.advance(Duration.ofSeconds(1));
        assertThat(instances.reachable(List.of(A, B))).containsExactly(A, B);
        assertThat(registry.get("pacer.gateway.upstream.unreachable").tag("upstream", "scheduler-service").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void whenEveryInstanceIsEjected_allAreTried() {
        instances.unreachable("scheduler-service", "scheduler-1", 8081);
        instances.unreachable("scheduler-service", "scheduler-2", 8081);
        assertThat(instances.reachable(List.of(A, B))).containsExactly(A, B);
    }

    @Test
    void theSamePortOnAnotherHost_isNotEjected() {
        instances.unreachable("scheduler-service", "scheduler-1", 8081);
        assertThat(instances.reachable(List.of(instance("scheduler-1", 9090), B))).hasSize(2);
    }

    private static ServiceInstance instance(String host, int port) {
        return new DefaultServiceInstance(host + ":" + port, "scheduler-service", host, port, false);
    }
}
