package dev.pacer.scheduler.work;

import dev.pacer.boot.pubsub.PubSub;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hints that wake an app's reconcile pass (Redis pub/sub; the resync makes a lost one harmless). */
@Configuration(proxyBeanMethods = false)
class WorkConfiguration {

    @Bean
    AppHints appHints(PubSub pubSub) {
        return new RedisAppHints(pubSub);
    }
}
