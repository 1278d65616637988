package dev.pacer.gateway.security;

import dev.pacer.contract.ApiPaths;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's strict firewall, relaxed exactly as far as Marathon clients need: the Java client
 * sends {@code /v2/apps//team/web} (an id with its leading slash after the path), so under {@code /v2/}
 * runs of slashes are collapsed to one before the strict checks run. Everywhere else a {@code //}
 * is still rejected, and every other strict rule (encoded slashes, {@code ..}, control characters,
 * unusual methods and headers) applies to {@code /v2/} too.
 */
public final class MarathonPathFirewall implements ServerWebExchangeFirewall {

    private static final String V2_PREFIX = ApiPaths.V2 + "/";

    private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith(V2_PREFIX) && path.contains("//")) {
            String collapsed = collapse(path);
            exchange = exchange.mutate().request(r -> r.path(collapsed)).build();
        }
        return strict.getFirewalledExchange(exchange);
    }

    static String collapse(String path) {
        StringBuilder out = new StringBuilder(path.length());
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || previous != '/') {
                out.append(c);
            }
            previous = c;
        }
        return out.toString();
    }
}
