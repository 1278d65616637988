package dev.pacer.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SchedulerApplication.class, args);
    }

    /** The scheduler's own metrics ({@link SchedulerMetrics}), used by every feature package. */
    @Bean
    SchedulerMetrics schedulerMetrics(MeterRegistry registry) {
        return new MicrometerSchedulerMetrics(registry);
    }
}
