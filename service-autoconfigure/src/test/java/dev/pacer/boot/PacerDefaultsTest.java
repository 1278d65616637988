package dev.pacer.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PacerDefaultsTest {

    @Test
    void defaultsApply_butEverySourceAboveThemWins() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("app", Map.of(
                "spring.application.name", "scheduler-service",
                "eureka.client.registry-fetch-interval-seconds", "30")));

        new PacerDefaults().postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(env.getProperty("server.error.whitelabel.enabled")).isEqualTo("false");
        assertThat(env.getProperty("management.metrics.tags.service")).isEqualTo("scheduler-service");
        assertThat(env.getProperty("management.metrics.tags.application")).isEqualTo("scheduler-service");
        assertThat(env.getProperty("management.metrics.distribution.percentiles-histogram.http.server.requests"))
                .isEqualTo("true");
        assertThat(env.getProperty("eureka.client.registry-fetch-interval-seconds")).isEqualTo("30");
    }
}
