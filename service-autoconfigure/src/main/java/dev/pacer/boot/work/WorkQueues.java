package dev.pacer.boot.work;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * The service's bounded work queues. Readiness ({@link WorkQueuesHealthIndicator}) reads them without
 * ever waiting in one; each registered queue gets the gauges {@code pacer.work.queued},
 * {@code pacer.work.capacity}, {@code pacer.work.workers} and {@code pacer.work.busy} (tag {@code queue}).
 */
public final class WorkQueues {

    private final List<BoundedWork> queues = new CopyOnWriteArrayList<>();
    private final MeterRegistry registry;

    /** @param registry where the gauges go; null for none */
    public WorkQueues(MeterRegistry registry) {
        this.registry = registry;
    }

    public <W extends BoundedWork> W register(W work) {
        queues.add(work);
        if (registry != null) {
            gauge("pacer.work.queued", "Items waiting for a worker", work, BoundedWork::queued);
            gauge("pacer.work.capacity", "Most items the queue holds (the bound)", work, BoundedWork::capacity);
            gauge("pacer.work.workers", "Workers of the queue", work, BoundedWork::workers);
            gauge("pacer.work.busy", "Workers busy now", work, BoundedWork::busy);
        }
        return work;
    }

    public List<BoundedWork> all() {
        return List.copyOf(queues);
    }

    private void gauge(String name, String description, BoundedWork work, ToDoubleFunction<BoundedWork> value) {
        Gauge.builder(name, work, value).description(description).tag("queue", work.name()).register(registry);
    }
}
