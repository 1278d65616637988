package dev.pacer.scheduler.shard;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.lifecycle.LifecyclePhases;
import dev.pacer.contract.ServiceName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
class ShardConfiguration {

    @Bean
    ShardMetrics shardMetrics(MeterRegistry registry) {
        Counter.Builder changes = Counter.builder("pacer.scheduler.shard.lease.changes")
                .description("Shard lease changes of hands seen by this instance");
        Counter acquired = changes.tag("event", "acquired").register(registry);
        Counter released = changes.tag("event", "released").register(registry);
        Counter lost = changes.tag("event", "lost").register(registry);
        return new ShardMetrics() {
            @Override
            public void leaseAcquired() {
                acquired.increment();
            }

            @Override
            public void leaseReleased() {
                released.increment();
            }

            @Override
            public void leaseLost() {
                lost.increment();
            }
        };
    }

    @Bean
    ShardLeases shardLeases(StringRedisTemplate redis, ClusterMembership membership, ShardProperties properties,
                            ShardMetrics metrics, MeterRegistry registry, Clock clock) {
        ShardLeases leases = new ShardLeases(redis,
                RedisScript.of(new ClassPathResource("scripts/shard-lease-acquire.lua"), Long.class),
                RedisScript.of(new ClassPathResource("scripts/shard-lease-release.lua"), Long.class),
                () -> membership.members(ServiceName.SCHEDULER).size(), properties, metrics, clock);
        Gauge.builder("pacer.scheduler.shards.held", leases, l -> l.held().size())
                .description("Shards whose lease this instance holds").register(registry);
        Gauge.builder("pacer.scheduler.shards.count", properties, ShardProperties::count)
                .description("Shards the app ids are spread over (the same on every instance): sum(held) below it = a shard without owner")
                .register(registry);
        return leases;
    }

    /** Starts after cluster membership (the instance id is known then) and releases the leases first on stop. */
    @Bean
    SmartLifecycle shardLeaseLifecycle(ShardLeases leases, ClusterMembership membership, ShardProperties properties) {
        return new SmartLifecycle() {
            private ScheduledExecutorService timer;

            @Override
            public synchronized void start() {
                leases.identifyAs(membership.selfId());
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "pacer-shard-leases");
                    t.setDaemon(true);
                    return t;
                });
                timer.scheduleWithFixedDelay(() -> {
                    try {
                        leases.rebalance();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(ShardLeases.class).warn("Shard lease pass failed: {}", e.toString());
                    }
                }, 0, properties.renewInterval().toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void stop() {
                timer.shutdownNow();
                timer = null;
                leases.releaseAll();
            }

            @Override
            public synchronized boolean isRunning() {
                return timer != null;
            }

            @Override
            public int getPhase() {
                return LifecyclePhases.SHARD_LEASES;
            }
        };
    }
}
