package dev.pacer.gateway.authz;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.ids.AppId;
import dev.pacer.gateway.metrics.GatewayMetrics;
import dev.pacer.gateway.security.PacerPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorization of the control-plane APIs, once per request: the principal's {@link Grants} are resolved
 * (cached per principal), the request is classified by its route's classifier (method and raw path:
 * {@link RequestClassifier} for the Marathon API, {@link SecretsClassifier} for secrets, every request
 * an operator's for the others), the ids it names in its path and, for writes that carry ids, in its
 * body ({@link BodyIds}) are checked in memory, and a list response is filtered in one pass
 * ({@link ListFilter}). Principals allowed everything skip all of it. A refusal is
 * {@code 403 {"message":"Not Authorized to perform this action!"}}.
 */
public final class AccessFilter implements GlobalFilter, Ordered {

    /** Before the response is written ({@link NettyWriteResponseFilter}), so that the list decorator applies. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 10;

    private static final PacerPrincipal ANONYMOUS = new PacerPrincipal("<anonymous>", Set.of());

    private final Map<String, BiFunction<HttpMethod, String, Requirement>> classifiers;
    private final Set<String> appTraffic;
    private final AccessPolicy policy;
    private final ListFilter lists;
    private final JsonMapper json;
    private final GatewayMetrics metrics;

    /**
     * @param classifiers per route id, how its requests are classified; any other route's requests are an
     *                    operator's ({@code view} or {@code update} on {@code /})
     * @param appTraffic  the routes of app traffic, which are the apps' business and not authorized here
     */
    public AccessFilter(Map<String, BiFunction<HttpMethod, String, Requirement>> classifiers, Set<String> appTraffic,
                        AccessPolicy policy, JsonMapper json, GatewayMetrics metrics) {
        this.classifiers = Map.copyOf(classifiers);
        this.appTraffic = Set.copyOf(appTraffic);
        this.policy = policy;
        this.lists = new ListFilter(json);
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || appTraffic.contains(route.getId())) {
            return chain.filter(exchange);
        }
        BiFunction<HttpMethod, String, Requirement> classifier = classifiers.getOrDefault(route.getId(), AccessFilter::operator);
        return exchange.getPrincipal()
                .map(AccessFilter::pacerPrincipal)
                .defaultIfEmpty(ANONYMOUS)
                .flatMap(principal -> authorize(exchange, chain, classifier,
                        policy.grantsOf(principal == ANONYMOUS ? null : principal)));
    }

    private Mono<Void> authorize(ServerWebExchange exchange, GatewayFilterChain chain,
                                 BiFunction<HttpMethod, String, Requirement> classifier, Grants grants) {
        if (grants == Grants.ALL) {
            return chain.filter(exchange);
        }
        Requirement requirement = classifier.apply(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value());
        return switch (requirement.kind()) {
            case AUTHENTICATED -> chain.filter(exchange);
            case UNREADABLE -> denied(Action.VIEW);
            case PATH -> allowed(grants, requirement.action(), requirement.targets())
                    ? chain.filter(exchange) : denied(requirement.action());
            case BODY -> allowed(grants, requirement.action(), requirement.targets())
                    ? withBody(exchange, chain, requirement, grants) : denied(requirement.action());
            case LIST -> list(exchange, chain, requirement, grants);
        };
    }

    /** Reads the ids the body creates or changes, checks them, and forwards the body unchanged. */
    private Mono<Void> withBody(ServerWebExchange exchange, GatewayFilterChain chain, Requirement requirement, Grants grants) {
        return ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, cached -> {
            DataBuffer buffer = exchange.getAttribute(CACHED_REQUEST_BODY_ATTR);
            List<AppId> ids;
            try {
                ids = BodyIds.read(requirement.body(), parse(buffer), requirement.base());
            } catch (ApiException e) {
                return Mono.error(e);
            }
            for (AppId id : ids) {
                if (!grants.allows(requirement.action(), id)) {
                    return denied(requirement.action());
                }
            }
            return chain.filter(exchange.mutate().request(cached).build());
        });
    }

    private JsonNode parse(DataBuffer buffer) {
        if (buffer == null || buffer.readableByteCount() == 0) {
            return null;
        }
        try {
            return json.readTree(buffer.toString(buffer.readPosition(), buffer.readableByteCount(), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ApiException(400, ErrorBody.of(ErrorMessages.INVALID_JSON,
                    List.of(ErrorDetail.of("/", "the request body is not JSON"))));
        }
    }

    /** Unfiltered below a viewable scope, filtered on the way to something viewable, refused elsewhere. */
    private Mono<Void> list(ServerWebExchange exchange, GatewayFilterChain chain, Requirement requirement, Grants grants) {
        AppId scope = requirement.scope();
        if (grants.allows(Action.VIEW, scope)) {
            return chain.filter(exchange);
        }
        if (!scope.isRoot() && !grants.leadsToViewable(scope)) {
            return denied(Action.VIEW);
        }
        ServerWebExchange filtered = exchange.mutate()
                .request(r -> r.headers(h -> h.remove(HttpHeaders.ACCEPT_ENCODING)))
                .response(new FilteringResponse(exchange, requirement.list(), grants))
                .build();
        return chain.filter(filtered);
    }

    private static boolean allowed(Grants grants, Action action, List<Resource> targets) {
        for (Resource target : targets) {
            if (!grants.allows(action, target)) {
                return false;
            }
        }
        return true;
    }

    private Mono<Void> denied(Action action) {
        metrics.accessDenied(action.tag());
        return Mono.error(new ApiException(403, ErrorBody.of(ErrorMessages.NOT_AUTHORIZED)));
    }

    private static Requirement operator(HttpMethod method, String rawPath) {
        return RequestClassifier.operator(method == HttpMethod.GET || method == HttpMethod.HEAD);
    }

    private static PacerPrincipal pacerPrincipal(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof PacerPrincipal p) {
            return p;
        }
        return ANONYMOUS;
    }

    /**
     * Buffers a successful list response, filters it, and writes it with its new length. A body that
     * cannot be filtered is never passed on: it becomes a JSON 502.
     */
    private final class FilteringResponse extends ServerHttpResponseDecorator {

        private static final byte[] UNFILTERABLE =
                "{\"message\":\"The answer could not be filtered for this principal\"}".getBytes(StandardCharsets.UTF_8);

        private final Requirement.ListShape shape;
        private final Grants grants;

        FilteringResponse(ServerWebExchange exchange, Requirement.ListShape shape, Grants grants) {
            super(exchange.getResponse());
            this.shape = shape;
            this.grants = grants;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (getStatusCode() == null || !getStatusCode().is2xxSuccessful()) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                byte[] filtered = lists.filter(shape, bytes, grants);
                if (filtered == null) {
                    setStatusCode(HttpStatus.BAD_GATEWAY);
                    getHeaders().setContentType(MediaType.APPLICATION_JSON);
                    filtered = UNFILTERABLE;
                }
                getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
                getHeaders().setContentLength(filtered.length);
                return super.writeWith(Mono.just(bufferFactory().wrap(filtered)));
            });
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).flatMapSequential(p -> p));
        }
    }
}
