package dev.pacer.gateway.route;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ServiceName;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes of the public entry, built from {@link ApiPaths} so that a path is written once.
 * Targets are {@code lb://<service>}: resolved through Eureka and load-balanced over live instances.
 * A path no route matches gets the JSON 404 of the shared error handler.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    @Bean
    RouteLocator pacerRoutes(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("marathon-api", r -> r.path(ApiPaths.V2 + "/**", ApiPaths.PING, ApiPaths.METRICS)
                        .uri(lb(ServiceName.SCHEDULER)))
                .route("secrets-api", r -> r.path(ApiPaths.API_SECRETS, ApiPaths.API_SECRETS + "/**")
                        .uri(lb(ServiceName.SECRETS)))
                .route("health-api", r -> r.path(ApiPaths.API_HEALTH, ApiPaths.API_HEALTH + "/**")
                        .uri(lb(ServiceName.HEALTH)))
                .build();
    }

    private static String lb(ServiceName service) {
        return "lb://" + service.id();
    }
}
