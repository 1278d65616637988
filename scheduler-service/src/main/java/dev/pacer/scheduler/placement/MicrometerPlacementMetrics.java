package dev.pacer.scheduler.placement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code pacer.scheduler.placements{result=placed|declined}} counts placements;
 * {@code pacer.scheduler.placement.declines{reason}} counts, per reason, the declined placements in
 * which that reason ruled out at least one agent ({@code no_agents} when there was none).
 */
final class MicrometerPlacementMetrics implements PlacementMetrics {

    private final MeterRegistry registry;
    private final Counter placed;
    private final Counter declined;
    private final Map<String, Counter> declinesByReason = new ConcurrentHashMap<>();

    public MicrometerPlacementMetrics(MeterRegistry registry) {
        this.registry = registry;
        Counter.Builder placements = Counter.builder("pacer.scheduler.placements")
                .description("Task placements by result");
        this.placed = placements.tag("result", "placed").register(registry);
        this.declined = placements.tag("result", "declined").register(registry);
    }

    @Override
    public void placed() {
        placed.increment();
    }

    @Override
    public void declined(Map<String, Integer> reasonCounts) {
        declined.increment();
        if (reasonCounts.isEmpty()) {
            reason(DeclineReasons.NO_AGENTS).increment();
        }
        reasonCounts.keySet().forEach(reason -> reason(reason).increment());
    }

    private Counter reason(String reason) {
        return declinesByReason.computeIfAbsent(reason, r -> Counter.builder("pacer.scheduler.placement.declines")
                .description("Declined placements by a reason that ruled agents out")
                .tag("reason", r)
                .register(registry));
    }
}
