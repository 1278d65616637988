package dev.pacer.scheduler.group;

import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.scheduler.app.service.AppDeployments;
import dev.pacer.scheduler.app.service.AppEdits;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.events.EventLog;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the group feature: its Redis store and {@link GroupService} (which builds its package-private helpers). */
@Configuration(proxyBeanMethods = false)
class GroupConfiguration {

    @Bean
    GroupStore groupStore(StringRedisTemplate redis, JsonMapper json,
                          @Value("${pacer.scheduler.apps.max-versions:50}") int maxVersions) {
        return new RedisGroupStore(redis, json, maxVersions);
    }

    @Bean
    GroupService groupService(AppRepository apps, AppEdits appEdits, AppDeployments deployments, GroupStore store,
                              Clock clock, RequestLimitsProperties limits, EventLog events) {
        return new GroupService(apps, appEdits, deployments, store, clock, limits, events);
    }
}
