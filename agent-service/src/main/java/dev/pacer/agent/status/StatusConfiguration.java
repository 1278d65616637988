package dev.pacer.agent.status;

import dev.pacer.agent.AgentProperties;
import dev.pacer.boot.work.BoundedWork;
import dev.pacer.boot.work.WorkQueues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

    @Bean(destroyMethod = "close")
    RedisStatusOutbox statusOutbox(StringRedisTemplate redis, JsonMapper json, AgentProperties properties,
                                   WorkQueues workQueues) {
        RedisStatusOutbox outbox = new RedisStatusOutbox(redis, json, properties.statusOutboxCapacity(),
                properties.statusRetryInterval());
        int capacity = properties.statusOutboxCapacity();
        workQueues.register(new BoundedWork() {
            @Override
            public String name() {
                return "agent-status-outbox";
            }

            @Override
            public int queued() {
                return outbox.pending();
            }

            @Override
            public int capacity() {
                return capacity;
            }

            /** One sender thread; readiness turns 503 while updates pile up behind it (Redis down). */
            @Override
            public int workers() {
                return 1;
            }

            @Override
            public int busy() {
                return 0;
            }
        });
        return outbox;
    }
}
