package dev.pacer.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code pacer-defaults.properties} (actuator exposure, probes, Eureka timings, Redis URL) as the
 * lowest-precedence property source of every Pacer service: one place for what all services share,
 * overridable by each service's {@code application.yml}, the environment and the command line.
 */
public class PacerDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "pacer-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("pacerDefaults", new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
