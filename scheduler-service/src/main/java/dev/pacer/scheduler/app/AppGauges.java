package dev.pacer.scheduler.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * {@code pacer.scheduler.apps} and {@code pacer.scheduler.apps.queued}: the cluster's app count and the apps with
 * tasks waiting for a launch, each read from its index's cardinality when scraped (one O(1) call, no scan).
 * Every scheduler instance reports the same cluster-wide values: aggregate with {@code max}, not {@code sum}.
 */
final class AppGauges {

    public AppGauges(MeterRegistry registry, Supplier<Number> apps, Supplier<Number> queued) {
        Gauge.builder("pacer.scheduler.apps", apps).description("Apps defined in the cluster (the same on every instance)")
                .register(registry);
        Gauge.builder("pacer.scheduler.apps.queued", queued)
                .description("Apps with tasks waiting to be launched, as /v2/queue lists them (the same on every instance)")
                .register(registry);
    }
}
