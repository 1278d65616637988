package dev.pacer.scheduler.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AppGaugesTest {

    @Test
    void gauges_readTheirSourceWhenScraped() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicLong apps = new AtomicLong(3);
        AtomicLong queued = new AtomicLong(0);
        new AppGauges(registry, apps::get, queued::get);

        assertThat(registry.get("pacer.scheduler.apps").gauge().value()).isEqualTo(3.0);
        apps.set(5);
        queued.set(2);
        assertThat(registry.get("pacer.scheduler.apps").gauge().value()).isEqualTo(5.0);
        assertThat(registry.get("pacer.scheduler.apps.queued").gauge().value()).isEqualTo(2.0);
    }
}
