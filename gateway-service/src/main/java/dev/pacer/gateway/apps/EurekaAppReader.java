package dev.pacer.gateway.apps;

import dev.pacer.boot.tls.PacerTls;
import dev.pacer.contract.discovery.AppDiscovery;
import dev.pacer.contract.ids.AppId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads app instances straight from Eureka's REST API ({@code GET /eureka/apps}, {@code GET
 * /eureka/apps/{name}}), one peer after the other until one answers. Only apps' names
 * ({@link AppDiscovery#APP_NAME_PREFIX}) are kept; control-plane services are the Eureka client's. With
 * mutual TLS, {@code https://} peers get the gateway's certificate.
 */
final class EurekaAppReader {

    private final List<String> peers;
    private final Duration timeout;
    private final JsonMapper json;
    private final WebClient http;

    EurekaAppReader(List<String> peers, Duration timeout, JsonMapper json, PacerTls tls) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("at least one Eureka URL is needed");
        }
        this.peers = peers.stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
        this.timeout = timeout;
        this.json = json;
        this.http = WebClient.builder()
                .clientConnector(new JdkClientHttpConnector(tls.httpClient().connectTimeout(timeout).build()))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }

    /** Every app's instances. */
    Mono<Map<String, List<AppEndpoint>>> readAll() {
        return get("apps", 0).map(body -> {
            Map<String, List<AppEndpoint>> all = new HashMap<>();
            for (JsonNode application : each(json.readTree(body).path("applications").path("application"))) {
                collect(application, all);
            }
            return all;
        });
    }

    /** One app's instances; empty when Eureka has none. */
    Mono<List<AppEndpoint>> readApp(String appId) {
        return get("apps/" + AppDiscovery.eurekaAppName(AppId.parse(appId)), 0)
                .map(body -> {
                    Map<String, List<AppEndpoint>> one = new HashMap<>();
                    collect(json.readTree(body).path("application"), one);
                    return one.getOrDefault(appId, List.of());
                })
                .defaultIfEmpty(List.of());
    }

    private void collect(JsonNode application, Map<String, List<AppEndpoint>> into) {
        String name = application.path("name").asString("");
        if (!name.toUpperCase(Locale.ROOT).startsWith(AppDiscovery.APP_NAME_PREFIX)) {
            return;
        }
        for (JsonNode instance : each(application.path("instance"))) {
            String appId = instance.path("metadata").path(AppDiscovery.META_APP_ID).asString(null);
            if (appId == null) {
                AppId parsed = AppDiscovery.appIdOf(name);
                appId = parsed == null ? null : parsed.toString();
            }
            if (appId == null) {
                continue;
            }
            JsonNode port = instance.path("port");
            int number = port.isObject() ? port.path("$").asInt(0) : port.asInt(0);
            into.computeIfAbsent(appId, a -> new ArrayList<>()).add(new AppEndpoint(
                    instance.path("instanceId").asString(""), instance.path("hostName").asString("localhost"),
                    number, instance.path("status").asString("UNKNOWN")));
        }
    }

    /** Eureka's JSON has a lone element as an object and several as an array. */
    private static List<JsonNode> each(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            node.forEach(list::add);
            return list;
        }
        return List.of(node);
    }

    /** The body from the first peer that answers; empty on 404. */
    private Mono<String> get(String path, int peer) {
        return http.get().uri(peers.get(peer) + path).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(String.class)
                .timeout(timeout)
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode() == HttpStatus.NOT_FOUND
                        ? Mono.empty() : next(path, peer, e))
                .onErrorResume(e -> !(e instanceof WebClientResponseException), e -> next(path, peer, e));
    }

    private Mono<String> next(String path, int peer, Throwable e) {
        return peer + 1 < peers.size() ? get(path, peer + 1) : Mono.error(e);
    }
}
