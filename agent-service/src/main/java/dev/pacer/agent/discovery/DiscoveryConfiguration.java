package dev.pacer.agent.discovery;

import dev.pacer.agent.node.AgentNode;
import dev.pacer.agent.status.RedisStatusOutbox;
import dev.pacer.agent.status.StatusReporter;
import dev.pacer.agent.task.TaskRuntime;
import dev.pacer.boot.lifecycle.LifecyclePhases;
import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.pubsub.Subscription;
import dev.pacer.boot.tls.PacerTls;
import dev.pacer.contract.task.TaskState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers this agent's running tasks in Eureka ({@link TaskRegistrar}). Hooks into the task runtime
 * by decorating its {@link StatusReporter}: every status update still goes to the Redis stream first,
 * then to the registrar. Health comes from Redis (results, and transition messages as wake-ups).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscoveryProperties.class)
@ConditionalOnProperty(prefix = DiscoveryProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
class DiscoveryConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService discoveryWorker() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-agent-discovery");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    TaskRegistrar taskRegistrar(DiscoveryProperties properties, Environment env, JsonMapper json, StringRedisTemplate redis,
                                ObjectProvider<TaskRuntime> runtime, AgentNode node, Clock clock,
                                ScheduledExecutorService discoveryWorker, ObjectProvider<MeterRegistry> meters,
                                PacerTls tls, PubSub pubSub) {
        List<String> urls = properties.eurekaUrls().isEmpty()
                ? Arrays.stream(env.getProperty("eureka.client.service-url.defaultZone", "http://localhost:8761/eureka/")
                        .split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                : properties.eurekaUrls();
        EurekaRestClient eureka = new EurekaRestClient(urls, properties.requestTimeout(), tls);
        TaskRegistrar registrar = new TaskRegistrar(eureka, new TaskHealthReader(redis, json),
                taskId -> runtime.getObject().launchRequest(taskId),
                change -> pubSub.publish(Channels.INSTANCE_CHANGES, change),
                node, properties, discoveryWorker, clock);
        meters.ifAvailable(registry -> Gauge.builder("pacer.agent.discovery.instances", registrar, TaskRegistrar::registered)
                .description("task instances this agent has registered in Eureka").register(registry));
        return registrar;
    }

    /**
     * The task runtime's reporter: the durable Redis stream first, then Eureka registration. A task
     * being killed is taken out of service before the runtime signals it (bounded by
     * {@code drain-timeout} + {@code drain-grace}), so that no new request is routed to a dying process.
     */
    @Bean
    @Primary
    StatusReporter discoveryAwareStatusReporter(RedisStatusOutbox outbox, TaskRegistrar registrar) {
        return status -> {
            outbox.report(status);
            if (status.state() == TaskState.TASK_KILLING) {
                registrar.drain(status.taskId());
            } else {
                registrar.taskStatus(status);
            }
        };
    }

    /** Health transitions wake the registrar up for that task; the periodic tick is the safety net. */
    @Bean
    SmartLifecycle taskRegistrarLifecycle(TaskRegistrar registrar, DiscoveryProperties properties,
                                          ScheduledExecutorService discoveryWorker, PubSub pubSub) {
        return new SmartLifecycle() {
            private ScheduledFuture<?> ticks;
            private List<Subscription> wakeUps = List.of();

            @Override
            public synchronized void start() {
                wakeUps = List.of(
                        pubSub.subscribe(Channels.HEALTH_TRANSITIONS,
                                transition -> registrar.healthChanged(transition.taskId())),
                        pubSub.subscribe(Channels.TRAFFIC, app -> registrar.trafficChanged(app.toString())));
                long every = properties.renewInterval().toMillis();
                ticks = discoveryWorker.scheduleWithFixedDelay(registrar::tick, every, every, TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void stop() {
                wakeUps.forEach(Subscription::cancel);
                wakeUps = List.of();
                if (ticks != null) {
                    ticks.cancel(false);
                    ticks = null;
                }
            }

            @Override
            public synchronized boolean isRunning() {
                return ticks != null;
            }

            /** Before task recovery, so that re-attached tasks are registered again. */
            @Override
            public int getPhase() {
                return LifecyclePhases.TASK_REGISTRAR;
            }
        };
    }
}
