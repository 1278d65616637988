package dev.pacer.scheduler.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code pacer.scheduler.health.kills{result}}: killed, held_app_rate, held_cluster_rate, held_app_share,
 * held_cluster_share (a held kill is counted at every pass that holds it); gauges
 * {@code pacer.scheduler.health.brake{scope=app}} (apps of this instance whose kills are paused) and
 * {@code {scope=cluster}} (1 while the cluster-wide share holds every kill).
 */
class HealthKillMetrics {

    private static final List<String> RESULTS =
            List.of("killed", "held_app_rate", "held_cluster_rate", "held_app_share", "held_cluster_share");

    private final MeterRegistry registry;
    private final Set<String> brakedApps = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean clusterBraked = new AtomicBoolean();

    public HealthKillMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("pacer.scheduler.health.brake", brakedApps, Set::size).tag("scope", "app")
                .description("Apps whose health kills are paused: too many of their tasks unhealthy at once").register(registry);
        Gauge.builder("pacer.scheduler.health.brake", clusterBraked, b -> b.get() ? 1 : 0).tag("scope", "cluster")
                .description("1 while every health kill is paused: too many checks of the cluster unhealthy at once").register(registry);
        // every result exists from the start (at 0), so that rates and alerts see a series before the first kill
        for (String result : RESULTS) {
            counter(result);
        }
    }

    public void kills(String result, int n) {
        if (n > 0) {
            counter(result).increment(n);
        }
    }

    private Counter counter(String result) {
        return Counter.builder("pacer.scheduler.health.kills").tag("result", result)
                .description("Tasks killed for failing health checks, and kills held back by the brake or the rate limits")
                .register(registry);
    }

    /** @return true when the state changed */
    public boolean appBrake(String app, boolean on) {
        return on ? brakedApps.add(app) : brakedApps.remove(app);
    }

    /** @return true when the state changed */
    public boolean clusterBrake(boolean on) {
        return clusterBraked.getAndSet(on) != on;
    }
}
