package dev.pacer.scheduler.app;

import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.app.service.AppDeployments;
import dev.pacer.scheduler.app.service.AppEdits;
import dev.pacer.scheduler.app.service.AppInfoWriter;
import dev.pacer.scheduler.app.service.AppService;
import dev.pacer.scheduler.app.service.AppTaskService;
import dev.pacer.scheduler.app.service.AppWrites;
import dev.pacer.scheduler.app.service.HealthCheckEvents;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.AppJson;
import dev.pacer.scheduler.definition.AppValidator;
import dev.pacer.scheduler.definition.ports.RedisServicePortPool;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.definition.spec.AppSpecs;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.definition.store.AppStore;
import dev.pacer.scheduler.definition.store.RedisAppStore;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.deploy.TrafficGate;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.health.TaskHealthStore;
import dev.pacer.scheduler.placement.constraint.ConstraintValidator;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.reconcile.TaskKiller;
import dev.pacer.scheduler.secrets.SecretPolicyRules;
import dev.pacer.scheduler.shard.ShardLeases;
import dev.pacer.scheduler.task.status.LastTaskFailures;
import dev.pacer.scheduler.task.store.TaskStore;
import dev.pacer.scheduler.work.AppHints;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/** Wires the app feature's plain-Java classes: definitions, validation, stores, and the app and task services. */
@Configuration(proxyBeanMethods = false)
class AppConfiguration {

    @Bean
    AppGauges appGauges(MeterRegistry registry, StringRedisTemplate redis) {
        return new AppGauges(registry, () -> zcard(redis, RedisKeys.APPS),
                () -> zcard(redis, RedisKeys.QUEUE));
    }

    private static long zcard(StringRedisTemplate redis, String key) {
        Long size = redis.opsForZSet().zCard(key);
        return size == null ? 0 : size;
    }

    @Bean
    AppJson appJson(RequestLimitsProperties limits) {
        return new AppJson(limits);
    }

    @Bean
    AppDefinitions appDefinitions(AppJson json) {
        return new AppDefinitions(json);
    }

    @Bean
    AppValidator appValidator(AppJson json, SecretPolicyRules secretPolicy,
                              RequestLimitsProperties limits) {
        return new AppValidator(json, ConstraintValidator::validate, secretPolicy, limits);
    }

    /** @param maxVersions versions kept per app (Marathon's {@code --zk_max_versions}) */
    @Bean
    AppStore appStore(StringRedisTemplate redis, @Value("${pacer.scheduler.apps.max-versions:50}") int maxVersions) {
        return new RedisAppStore(redis, RedisScript.of(new ClassPathResource("scripts/app-write.lua"), Long.class), maxVersions);
    }

    @Bean
    AppRepository appRepository(AppStore store, AppJson json, ShardLeases leases) {
        return new AppRepository(store, json, leases::shardOf);
    }

    @Bean
    AppSpecs appSpecs(AppRepository apps) {
        return new AppSpecs(apps);
    }

    @Bean
    AppInfoWriter appInfoWriter(AppDefinitions definitions, JsonMapper json,
                                TaskHealthStore health,
                                LastTaskFailures failures) {
        return new AppInfoWriter(definitions, json, health, failures);
    }

    /**
     * @param min first service port (Marathon's {@code local_port_min})
     * @param max last service port (Marathon's {@code local_port_max})
     */
    @Bean
    ServicePorts servicePorts(StringRedisTemplate redis,
                              @Value("${pacer.scheduler.service-ports.min:10000}") int min,
                              @Value("${pacer.scheduler.service-ports.max:20000}") int max) {
        return new ServicePorts(new RedisServicePortPool(redis,
                RedisScript.of(new ClassPathResource("scripts/service-port-allocate.lua"), Long.class)), min, max);
    }

    @Bean
    AppEdits appEdits(AppRepository apps, AppDefinitions definitions, AppValidator validator, Clock clock) {
        return new AppEdits(apps, definitions, validator, clock);
    }

    @Bean
    AppWrites appWrites(AppRepository apps, ServicePorts servicePorts, BackoffStore backoffs, AppHints hints,
                        EventLog events) {
        return new AppWrites(apps, servicePorts, backoffs, hints, new HealthCheckEvents(events));
    }

    /** Also the deployments' {@code DeploymentActivator}: makes a later step's version current, reverts. */
    @Bean
    AppDeployments appDeployments(AppRepository apps, AppEdits edits, AppWrites writes, DeploymentService deployments,
                                  TrafficGate traffic, Clock clock) {
        return new AppDeployments(apps, edits, writes, deployments, traffic, clock);
    }

    @Bean
    AppService appService(AppRepository apps, AppDefinitions definitions, AppValidator validator, AppEdits edits,
                          AppDeployments deployments, Clock clock) {
        return new AppService(apps, definitions, validator, edits, deployments, clock);
    }

    @Bean
    AppTaskService appTaskService(AppRepository apps, TaskStore tasks, TaskKiller killer, AppService service, AppHints hints) {
        return new AppTaskService(apps, tasks, killer, service, hints);
    }
}
