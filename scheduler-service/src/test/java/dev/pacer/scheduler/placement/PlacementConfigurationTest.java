package dev.pacer.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.scheduler.placement.claim.AgentClaims;
import dev.pacer.scheduler.placement.claim.AgentViews;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The wiring alone: no Redis is contacted. */
class PlacementConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, PlacementConfiguration.class);

    @Test
    void wiresPlacerClaimsViewsAndMicrometerMetrics() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Placer.class).hasSingleBean(AgentClaims.class).hasSingleBean(AgentViews.class);
            assertThat(context.getBean(PlacementMetrics.class)).isInstanceOf(MicrometerPlacementMetrics.class);
            assertThat(context.getBean(PlacementProperties.class).heartbeatTimeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(context.getBean(MeterRegistry.class).find("pacer.scheduler.placements").counters()).hasSize(2);
        });
    }

    @Test
    void heartbeatTimeout_isConfigurable() {
        runner.withPropertyValues("pacer.scheduler.placement.heartbeat-timeout=3s").run(context ->
                assertThat(context.getBean(PlacementProperties.class).heartbeatTimeout()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlacementProperties.class)
    static class Infrastructure {

        @Bean
        StringRedisTemplate redis() {
            return new StringRedisTemplate(new LettuceConnectionFactory());
        }

        @Bean
        JsonMapper json() {
            return JsonMapper.builder().build();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
