package dev.pacer.scheduler.deploy;

import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.task.status.DeployingApps;
import dev.pacer.scheduler.work.AppHints;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class DeploymentConfiguration {

    @Bean
    DeploymentStore deploymentStore(StringRedisTemplate redis, JsonMapper json) {
        return new RedisDeploymentStore(redis, json,
                RedisScript.of(new ClassPathResource("scripts/deployment-start.lua"), List.class),
                RedisScript.of(new ClassPathResource("scripts/deployment-end.lua"), Long.class),
                RedisScript.of(new ClassPathResource("scripts/deployment-progress.lua"), Long.class));
    }

    @Bean
    DeploymentMetrics deploymentMetrics(MeterRegistry registry, StringRedisTemplate redis) {
        return new DeploymentMetrics(registry, () -> {
            Long running = redis.opsForZSet().zCard(RedisKeys.DEPLOYMENTS);
            return running == null ? 0 : running;
        });
    }

    @Bean
    DeploymentService deploymentService(DeploymentStore store, DeploymentMetrics metrics, TrafficGate traffic,
                                        EventLog events, Clock clock) {
        return new DeploymentService(store, metrics, new DeploymentEvents(events), traffic, clock);
    }

    @Bean
    TrafficGate trafficGate(StringRedisTemplate redis, PubSub pubSub) {
        return new RedisTrafficGate(redis, pubSub);
    }

    @Bean
    DeploymentProgress deploymentProgress(DeploymentStore store, DeploymentService service, DeploymentActivator activator,
                                          AppHints hints, TrafficGate traffic, Clock clock) {
        return new DeploymentProgress(store, service, activator, hints, traffic, clock);
    }

    @Bean
    DeployingApps deployingApps(DeploymentService deployments) {
        return app -> !deployments.locksOf(List.of(app.toString())).isEmpty();
    }
}
