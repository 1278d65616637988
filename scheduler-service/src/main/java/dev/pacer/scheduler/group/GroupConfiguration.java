package dev.pacer.scheduler.group;

import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.app.service.AppService;
import dev.pacer.scheduler.events.EventLog;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class GroupConfiguration {

    @Bean
    GroupStore groupStore(StringRedisTemplate redis, JsonMapper json,
                          @Value("${pacer.scheduler.apps.max-versions:50}") int maxVersions) {
        return new RedisGroupStore(redis, json, maxVersions);
    }

    @Bean
    GroupService groupService(AppRepository apps, AppService appService, GroupStore store, Clock clock,
                              RequestLimitsProperties limits, EventLog events) {
        return new GroupService(apps, appService, store, clock, limits, events);
    }
}
