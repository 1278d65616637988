package dev.pacer.boot.cluster;

import dev.pacer.boot.lifecycle.LifecyclePhases;
import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.pubsub.PubSubAutoConfiguration;
import dev.pacer.contract.ServiceName;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Cluster membership for every Pacer service that talks to Redis. */
@AutoConfiguration(after = PubSubAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterMembershipAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock pacerClock() {
        return Clock.systemUTC();
    }

    @Bean
    ClusterMembership clusterMembership(StringRedisTemplate redis, PubSub pubSub, Clock clock, Environment env,
                                        ClusterProperties properties, ObjectProvider<MeterRegistry> meters) {
        ServiceName self = ServiceName.parse(env.getRequiredProperty("spring.application.name"));
        ClusterMembership membership = new ClusterMembership(redis, pubSub, clock, self, properties.leaseTtl());
        pubSub.subscribe(Channels.MEMBERSHIP, membership::announced);
        meters.ifAvailable(registry -> {
            for (ServiceName service : ServiceName.values()) {
                Gauge.builder("pacer.cluster.members", membership, m -> m.members(service).size())
                        .description("Live instances of a service as seen by this instance")
                        .tag("member_service", service.id())
                        .register(registry);
            }
        });
        return membership;
    }

    /** Joins once the web server listens (its port is then known) and leaves before it stops. */
    @Bean
    SmartLifecycle clusterMembershipLifecycle(ClusterMembership membership, ClusterProperties properties, Environment env) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
                membership.start(Member.instanceId(hostname(properties, env) + ":" + port, UUID.randomUUID().toString().substring(0, 8)),
                        properties.heartbeatInterval());
                running = true;
            }

            @Override
            public void stop() {
                membership.leave();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return LifecyclePhases.MEMBERSHIP;
            }
        };
    }

    private static String hostname(ClusterProperties properties, Environment env) {
        if (properties.hostname() != null) {
            return properties.hostname();
        }
        String eureka = env.getProperty("eureka.instance.hostname");
        if (eureka != null) {
            return eureka;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class Actuator {

        @Bean
        MembersEndpoint membersEndpoint(ClusterMembership membership) {
            return new MembersEndpoint(membership);
        }
    }
}
