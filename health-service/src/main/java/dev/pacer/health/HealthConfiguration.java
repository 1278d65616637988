package dev.pacer.health;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.health.HealthCheckEngine;
import dev.pacer.boot.lifecycle.LifecyclePhases;
import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.work.WorkQueues;
import dev.pacer.health.check.NettyProber;
import dev.pacer.health.check.ProbeEngines;
import dev.pacer.health.check.ResultSink;
import dev.pacer.health.shard.ShardedChecker;
import dev.pacer.health.target.CheckTarget;
import dev.pacer.health.target.TaskDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the checker: directory, prober, engine, sink, shard; starts it after the instance joined the cluster. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean(destroyMethod = "close")
    NettyProber nettyProber(HealthProperties properties) {
        return new NettyProber(properties.ioThreads(), 4, Duration.ofMinutes(2));
    }

    @Bean(destroyMethod = "close")
    ResultSink resultSink(StringRedisTemplate redis, JsonMapper json, HealthProperties properties) {
        return new ResultSink(redis, json, properties.writeInterval());
    }

    @Bean(destroyMethod = "close")
    HealthCheckEngine<CheckTarget> checkEngine(NettyProber prober, ResultSink sink, MeterRegistry registry, Clock clock,
                                               HealthProperties properties, WorkQueues workQueues) {
        HealthCheckEngine<CheckTarget> engine = ProbeEngines.create(prober, sink, registry, clock, properties);
        Gauge.builder("pacer.health.shard.tasks", engine, HealthCheckEngine::tasks)
                .description("Tasks checked by this instance (its shard)").register(registry);
        Gauge.builder("pacer.health.shard.checks", engine, HealthCheckEngine::checks)
                .description("Checks run by this instance (its shard)").register(registry);
        Gauge.builder("pacer.health.shard.unhealthy", engine, HealthCheckEngine::unhealthy)
                .description("Checks of this shard whose current result is not alive").register(registry);
        return workQueues.register(engine);
    }

    @Bean(destroyMethod = "close")
    ShardedChecker shardedChecker(ClusterMembership membership, StringRedisTemplate redis, JsonMapper json,
                                  HealthCheckEngine<CheckTarget> engine, HealthProperties properties, Clock clock,
                                  PubSub pubSub) {
        ShardedChecker checker = new ShardedChecker(membership, new TaskDirectory(redis, json), engine, redis, json,
                properties, clock);
        pubSub.subscribe(Channels.APP_HINTS, app -> checker.hint(app.toString()));
        return checker;
    }

    /** After cluster membership has started (lower phase), before it leaves on stop. */
    @Bean
    SmartLifecycle shardedCheckerLifecycle(ShardedChecker checker) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                checker.start();
                running = true;
            }

            @Override
            public void stop() {
                checker.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return LifecyclePhases.SHARDED_WORK;
            }
        };
    }
}
