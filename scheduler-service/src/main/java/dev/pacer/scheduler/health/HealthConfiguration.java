package dev.pacer.scheduler.health;

import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.pubsub.Subscription;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.shard.ShardLeases;
import dev.pacer.scheduler.work.KeyedWorkQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Health reads and the kill policy; a health transition wakes the app's reconciler on the instance holding its shard. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    TaskHealthStore taskHealthStore(StringRedisTemplate redis, JsonMapper json) {
        return new RedisTaskHealthStore(redis, json);
    }

    @Bean
    HealthEvents healthKills(TaskHealthStore store, StringRedisTemplate redis, HealthKillProperties properties,
                             MeterRegistry registry, Clock clock, EventLog events, AppRepository apps) {
        return new HealthEvents(new HealthKillPolicy(store, new KillRateLimiter(redis, clock, properties.rateWindow(),
                properties.maxKillsPerApp(), properties.maxKillsCluster()), new HealthKillMetrics(registry), properties, clock),
                events, store, (app, version, index) -> checkOf(apps, app, version, index));
    }

    /** The check {@code index} of the app at {@code version}, as stored (one GET of the version record). */
    private static Optional<HealthCheck> checkOf(AppRepository apps, AppId app, String version, int index) {
        try {
            return apps.version(app, Timestamp.parse(version))
                    .map(AppDefinition::healthChecks)
                    .filter(checks -> checks != null && index >= 0 && index < checks.size())
                    .map(checks -> checks.get(index));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A check that flipped: the shard holder writes its events, and a failing one wakes the app (a replacement). */
    @Bean(destroyMethod = "cancel")
    Subscription healthTransitionListener(PubSub pubSub, KeyedWorkQueue<AppId> queue, ShardLeases leases,
                                                 HealthEvents events) {
        return pubSub.subscribe(Channels.HEALTH_TRANSITIONS, t -> {
            if (!leases.owns(t.appId())) {
                return;
            }
            events.transition(t);
            if (!t.alive()) {
                queue.enqueue(AppId.parse(t.appId()));
            }
        });
    }
}
