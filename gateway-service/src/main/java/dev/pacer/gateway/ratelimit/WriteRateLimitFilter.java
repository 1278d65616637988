package dev.pacer.gateway.ratelimit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.gateway.metrics.GatewayMetrics;
import dev.pacer.gateway.security.RequestLoop;
import java.net.InetSocketAddress;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits writes per principal with the Redis token bucket. Refused: {@code 429} with a JSON body and
 * {@code Retry-After} (seconds until one token is back). Reads are never limited; a Redis outage lets
 * writes through (the rate limiter fails open), it never blocks the API.
 */
public final class WriteRateLimitFilter implements GlobalFilter, Ordered {

    static final String MESSAGE = "Too many write requests; retry after %d s";
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RateLimiter<?> limiter;
    private final Set<String> routes;
    private final long retryAfterSeconds;
    private final GatewayMetrics metrics;

    public WriteRateLimitFilter(RateLimiter<?> limiter, Set<String> routes, int replenishRate, GatewayMetrics metrics) {
        this.limiter = limiter;
        this.routes = Set.copyOf(routes);
        this.retryAfterSeconds = Math.max(1, (long) Math.ceil(1.0 / replenishRate));
        this.metrics = metrics;
    }

    /** Ahead of authorization: a flood of refused writes costs a Redis call, not a body read. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !routes.contains(route.getId()) || !WRITES.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(p -> "principal:" + p.getName())
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(key -> RequestLoop.backOnLoop(limiter.isAllowed("writes", key), exchange))
                .flatMap(response -> {
                    if (response.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    metrics.rateLimited();
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
                    return Mono.error(new ApiException(429, ErrorBody.of(MESSAGE.formatted(retryAfterSeconds))));
                });
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
