package dev.pacer.gateway.events;

import dev.pacer.contract.ApiPaths;
import dev.pacer.gateway.authz.AccessPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v2/events} as a local WebFlux endpoint: its router function is consulted before the
 * gateway's routes, so the request is never proxied (nor under the proxy's response timeout).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamProperties.class)
class EventStreamConfiguration {

    @Bean
    EventHub eventHub(RedisConnectionFactory redis, EventStreamProperties properties, MeterRegistry registry) {
        return new EventHub(redis, properties, registry);
    }

    @Bean
    RouterFunction<ServerResponse> eventStreamRoute(EventHub hub, ReactiveStringRedisTemplate redis, AccessPolicy policy,
                                                    EventStreamProperties properties, JsonMapper json) {
        EventStreamHandler handler = new EventStreamHandler(hub, redis, policy, properties, json, Clock.systemUTC());
        return RouterFunctions.route(RequestPredicates.GET(ApiPaths.V2_EVENTS), handler::stream);
    }
}
