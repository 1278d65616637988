package dev.pacer.gateway.route;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ServiceName;
import dev.pacer.gateway.apps.AppHosts;
import dev.pacer.gateway.apps.AppInstanceView;
import dev.pacer.gateway.apps.AppsConfiguration;
import dev.pacer.gateway.apps.AppsProperties;
import dev.pacer.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The routes of the public entry, built from {@link ApiPaths} so that a path is written once.
 * Control-plane targets are {@code lb://<service>}: resolved through Eureka and load-balanced over
 * live instances. App traffic goes to an UP instance of the app ({@link AppsConfiguration}); with an
 * apps domain, {@code <name>.<group>.<domain>} hosts are app traffic whatever their path. A path no
 * route matches gets the JSON 404 of the shared error handler.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = SkipUnreachableLoadBalancing.class)
class RouteConfiguration {

    /** Route metadata value that lifts the global {@code httpclient.response-timeout} (app traffic). */
    private static final long NO_TIMEOUT = -1;

    /** An instance the gateway cannot connect to is skipped for {@code pacer.gateway.unreachable-ejection}. */
    @Bean
    UnreachableInstances unreachableInstances(@Value("${pacer.gateway.unreachable-ejection:15s}") Duration ejection,
                                              MeterRegistry registry) {
        return new UnreachableInstances(ejection, Clock.systemUTC(), registry);
    }

    @Bean
    UnreachableInstanceFilter unreachableInstanceFilter(UnreachableInstances instances) {
        return new UnreachableInstanceFilter(instances);
    }

    /** The Marathon API learns the address clients reach it at (its {@code leader}) from the gateway. */
    @Bean
    PublicAddressHeaders publicAddressHeaders() {
        return new PublicAddressHeaders();
    }

    @Bean
    RouteLocator pacerRoutes(RouteLocatorBuilder routes, AppInstanceView view, AppsProperties apps, AppHosts hosts,
                             GatewayMetrics metrics) {
        AppsConfiguration.AppTrafficFilterFactory appFilters = AppsConfiguration.filters(view, hosts, metrics);
        RouteLocatorBuilder.Builder builder = routes.routes();
        if (hosts.enabled()) {
            // the same predicate opens these hosts in security (SecurityConfiguration): what is let in is what is routed here
            builder.route(RouteIds.APP_HOST_TRAFFIC, r -> r.predicate(exchange -> hosts.isAppHost(
                            exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST)))
                    .filters(f -> f.retry(c -> retryOnConnectFailure(c, apps)).filter(appFilters.byHost()))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, NO_TIMEOUT)
                    .uri("http://app-instance.invalid"));
        }
        return builder
                // a dead instance still listed (until its Eureka lease expires) costs a retry on another, not an error
                .route(RouteIds.MARATHON_API, r -> r.path(ApiPaths.V2 + "/**", ApiPaths.PING, ApiPaths.METRICS)
                        .filters(f -> f.retry(c -> retryOnConnectFailure(c, apps)))
                        .uri(lb(ServiceName.SCHEDULER)))
                .route(RouteIds.SECRETS_API, r -> r.path(ApiPaths.API_SECRETS, ApiPaths.API_SECRETS + "/**")
                        .filters(f -> f.retry(c -> retryOnConnectFailure(c, apps)))
                        .uri(lb(ServiceName.SECRETS)))
                .route(RouteIds.HEALTH_API, r -> r.path(ApiPaths.API_HEALTH, ApiPaths.API_HEALTH + "/**")
                        .filters(f -> f.retry(c -> retryOnConnectFailure(c, apps)))
                        .uri(lb(ServiceName.HEALTH)))
                .route(RouteIds.APP_TRAFFIC, r -> r.path(AppsProperties.PATH_PREFIX + "/**")
                        .filters(f -> f.retry(c -> retryOnConnectFailure(c, apps)).filter(appFilters.byPath()))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, NO_TIMEOUT)
                        .uri("http://app-instance.invalid"))
                .build();
    }

    /**
     * Only a refused or failed connection (refused, timed out, no route to a removed container) is retried, on another
     * instance, for every method: nothing was sent yet. The instance that failed is ejected first
     * ({@link UnreachableInstances}), so the retry draws from the others.
     */
    private static void retryOnConnectFailure(RetryGatewayFilterFactory.RetryConfig config, AppsProperties apps) {
        config.setRetries(apps.retries());
        config.setMethods(HttpMethod.values());
        config.setSeries();
        config.setStatuses();
        config.setExceptions(ConnectException.class, NoRouteToHostException.class);
        config.setBackoff(null);
    }

    private static String lb(ServiceName service) {
        return "lb://" + service.id();
    }
}
