package dev.pacer.boot.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkQueuesAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withConfiguration(AutoConfigurations.of(WorkQueuesAutoConfiguration.class));

    record Fake(AtomicInteger waiting, AtomicInteger working) implements BoundedWork {
        public String name() { return "fake"; }
        public int queued() { return waiting.get(); }
        public int capacity() { return 10; }
        public int workers() { return 2; }
        public int busy() { return working.get(); }
    }

    @Test
    void readinessIsOutOfService_whileQueuedWorkExceedsFreeWorkers_andUpWhenItDrains() {
        runner.run(context -> {
            Fake fake = context.getBean(WorkQueues.class).register(new Fake(new AtomicInteger(), new AtomicInteger()));
            WorkQueuesHealthIndicator indicator = context.getBean(WorkQueuesHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            fake.working().set(2);
            fake.waiting().set(1);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

            fake.working().set(1);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(context.getBean(MeterRegistry.class).get("pacer.work.capacity").tag("queue", "fake").gauge().value())
                    .isEqualTo(10.0);
        });
    }
}
