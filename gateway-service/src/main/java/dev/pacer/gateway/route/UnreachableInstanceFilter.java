package dev.pacer.gateway.route;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Right after the load balancer chose an instance: when connecting to it fails, it is reported to
 * {@link UnreachableInstances}, before the route's retry draws again.
 */
class UnreachableInstanceFilter implements GlobalFilter, Ordered {

    private final UnreachableInstances instances;

    UnreachableInstanceFilter(UnreachableInstances instances) {
        this.instances = instances;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(this::isConnectFailure, e -> {
            Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
            URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            if (chosen != null && chosen.hasServer() && url != null) {
                instances.unreachable(chosen.getServer().getServiceId(), url.getHost(), url.getPort());
            }
        });
    }

    private boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }
}
