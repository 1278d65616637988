package dev.pacer.boot.work;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of the readiness group ({@code workQueues}): {@code OUT_OF_SERVICE} (503) while any queue holds
 * more work than it has free workers, {@code UP} again once it drains. It only reads counters, so a
 * probe never waits behind the work it reports on.
 */
public final class WorkQueuesHealthIndicator implements HealthIndicator {

    private final WorkQueues queues;

    public WorkQueuesHealthIndicator(WorkQueues queues) {
        this.queues = queues;
    }

    @Override
    public Health health() {
        boolean saturated = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (BoundedWork work : queues.all()) {
            saturated |= work.saturated();
            details.put(work.name(), Map.of("queued", work.queued(), "capacity", work.capacity(),
                    "workers", work.workers(), "busy", work.busy(), "saturated", work.saturated()));
        }
        return (saturated ? Health.outOfService() : Health.up()).withDetails(details).build();
    }
}
