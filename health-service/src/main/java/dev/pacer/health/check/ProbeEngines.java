package dev.pacer.health.check;

import dev.pacer.boot.health.CheckTimer;
import dev.pacer.boot.health.HealthCheckEngine;
import dev.pacer.health.HealthProperties;
import dev.pacer.health.target.CheckTarget;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * health-service's use of the shared {@link HealthCheckEngine}: probes on Netty's event loops, results
 * into the pipelined {@link ResultSink}, adopted checks spread over their interval, the queue
 * {@code health-probes} sized by {@code max-in-flight} and {@code pending-capacity}.
 */
public final class ProbeEngines {

    private ProbeEngines() {
    }

    public static HealthCheckEngine<CheckTarget> create(NettyProber prober, ResultSink sink, MeterRegistry registry,
                                                        Clock clock, HealthProperties properties) {
        return new HealthCheckEngine<>(prober, sink, new HealthMetrics(registry), clock,
                CheckTimer.onThread("pacer-health-timer"), new HealthCheckEngine.Settings("health-probes",
                properties.minInterval(), properties.maxInFlight(), properties.pendingCapacity(), true));
    }
}
