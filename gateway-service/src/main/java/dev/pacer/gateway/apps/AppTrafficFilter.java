package dev.pacer.gateway.apps;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.ids.AppId;
import dev.pacer.gateway.metrics.GatewayMetrics;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends app traffic to an UP instance of its app: {@code /apps/team/web/x?q} goes to
 * {@code http://<host>:<port>/x?q} (path mode), {@code web.team.<domain>/x} to the same (host mode).
 * Round-robin over UP instances; on a retry after a connect failure the instances already tried are
 * avoided while others remain. No UP instance: a JSON 503; no such app: a JSON 404.
 *
 * <p>Runs after {@link RouteToRequestUrlFilter} (which sets the route's placeholder URI) and before
 * the Netty routing filter that sends the request.
 */
final class AppTrafficFilter implements GatewayFilter, Ordered {

    static final String TRIED = AppTrafficFilter.class.getName() + ".tried";
    static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 100;

    enum Mode { PATH, HOST }

    private final AppInstanceView view;
    private final Mode mode;
    private final AppHosts hosts;
    private final GatewayMetrics metrics;

    AppTrafficFilter(AppInstanceView view, Mode mode, AppHosts hosts, GatewayMetrics metrics) {
        this.view = view;
        this.mode = mode;
        this.hosts = hosts;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getURI().getRawPath();
        String appId;
        String forwardPath;
        if (mode == Mode.PATH) {
            String rest = rawPath.substring(AppsProperties.PATH_PREFIX.length());
            List<String> segments = segments(rest);
            Optional<AppInstanceView.Match> match = view.resolve(segments);
            if (match.isEmpty()) {
                return Mono.error(ApiException.notFound("No app is registered at '%s'", rawPath));
            }
            appId = match.get().appId();
            forwardPath = remainder(rest, match.get().segments());
        } else {
            appId = hostAppId(request.getHeaders().getFirst(HttpHeaders.HOST));
            if (appId == null || !view.knows(appId)) {
                return Mono.error(ApiException.notFound("No app is registered for host '%s'",
                        request.getHeaders().getFirst(HttpHeaders.HOST)));
            }
            forwardPath = rawPath.isEmpty() ? "/" : rawPath;
        }
        Set<String> tried = exchange.getAttributeOrDefault(TRIED, new HashSet<>());
        exchange.getAttributes().put(TRIED, tried);
        Optional<AppEndpoint> chosen = view.choose(appId, tried).or(() -> view.choose(appId, Set.of()));
        if (chosen.isEmpty()) {
            metrics.noInstance();
            return Mono.error(new ApiException(503, ErrorBody.of("App '" + appId + "' has no healthy instance")));
        }
        AppEndpoint endpoint = chosen.get();
        tried.add(endpoint.instanceId());
        String query = request.getURI().getRawQuery();
        URI target = URI.create("http://" + endpoint.host() + ":" + endpoint.port() + forwardPath
                + (query == null ? "" : "?" + query));
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
        return chain.filter(exchange);
    }

    /** {@code web.team.apps.example.com} → {@code /team/web}; null when the host is no app host ({@link AppHosts}). */
    String hostAppId(String hostHeader) {
        AppId id = hosts.appId(hostHeader);
        return id == null ? null : id.toString();
    }

    static List<String> segments(String rawRest) {
        List<String> segments = new ArrayList<>();
        for (String s : rawRest.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    /** What follows the first {@code used} non-empty segments of {@code rawRest}; {@code /} when nothing does. */
    static String remainder(String rawRest, int used) {
        int seen = 0;
        int i = 0;
        while (i < rawRest.length() && seen < used) {
            while (i < rawRest.length() && rawRest.charAt(i) == '/') {
                i++;
            }
            while (i < rawRest.length() && rawRest.charAt(i) != '/') {
                i++;
            }
            seen++;
        }
        String rest = rawRest.substring(i);
        return rest.isEmpty() ? "/" : rest;
    }
}
