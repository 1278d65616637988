package dev.pacer.gateway.route;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the scheduler the address clients reach the Marathon API at — this gateway's, as the client named it —
 * in {@code X-Forwarded-Host}, {@code -Port} and {@code -Proto}, so that {@code /v2/info}'s {@code leader} and
 * {@code http_config} and {@code /v2/leader} name it, as Marathon names the address to talk to. Whatever a client
 * sent in these headers is dropped first (Spring Cloud Gateway's {@code RemoveXForwardedHeadersFilter}: no trusted
 * proxies are configured); this filter runs after it, on the headers of the proxied request.
 */
final class PublicAddressHeaders implements HttpHeadersFilter, Ordered {

    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String PROTO = "X-Forwarded-Proto";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !RouteIds.MARATHON_API.equals(route.getId())) {
            return input;
        }
        URI uri = exchange.getRequest().getURI();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(HOST, (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port);
        headers.set(PORT, Integer.toString(port));
        headers.set(PROTO, scheme);
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** After every filter that removes headers. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
