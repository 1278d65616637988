package dev.pacer.gateway.authz;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.gateway.metrics.GatewayMetrics;
import dev.pacer.gateway.security.PacerPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorization of the Marathon API, once per request: the principal's {@link Grants} are resolved
 * (cached per principal), the request is classified ({@link RequestClassifier}), the apps it touches
 * (from the path, or the body of a create/bulk write) are checked in memory, and a list response is
 * filtered in one pass ({@link ListFilter}). Principals allowed everything skip all of it.
 * A refusal is {@code 403 {"message":"Not Authorized to perform this action!"}}.
 */
public final class MarathonAccessFilter implements GlobalFilter, Ordered {

    /** Before the response is written ({@link NettyWriteResponseFilter}), so that the list decorator applies. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 10;

    private final Set<String> routes;
    private final AccessPolicy policy;
    private final ListFilter lists;
    private final JsonMapper json;
    private final GatewayMetrics metrics;

    public MarathonAccessFilter(Set<String> routes, AccessPolicy policy, JsonMapper json, GatewayMetrics metrics) {
        this.routes = Set.copyOf(routes);
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
        if (route == null || !routes.contains(route.getId())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(MarathonAccessFilter::pacerPrincipal)
                .defaultIfEmpty(ANONYMOUS)
                .flatMap(principal -> authorize(exchange, chain, policy.grantsOf(principal == ANONYMOUS ? null : principal)));
    }

    private static final PacerPrincipal ANONYMOUS = new PacerPrincipal("<anonymous>", Set.of());

    private Mono<Void> authorize(ServerWebExchange exchange, GatewayFilterChain chain, Grants grants) {
        if (grants == Grants.ALL) {
            return chain.filter(exchange);
        }
        Requirement requirement = RequestClassifier.classify(exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value());
        if (requirement.body() != Requirement.BodyTargets.NONE) {
            return ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, cached -> {
                DataBuffer body = exchange.getAttribute(CACHED_REQUEST_BODY_ATTR);
                List<AppId> targets = bodyTargets(requirement.body(), body);
                if (!allowed(grants, requirement.action(), targets)) {
                    return denied(requirement.action());
                }
                return chain.filter(exchange.mutate().request(cached).build());
            });
        }
        if (!requirement.open() && !allowed(grants, requirement.action(), requirement.targets())) {
            return denied(requirement.action());
        }
        if (requirement.list() == Requirement.ListShape.NONE || grants.everywhere(Action.VIEW)) {
            return chain.filter(exchange);
        }
        ServerWebExchange filtered = exchange.mutate()
                .request(r -> r.headers(h -> h.remove(HttpHeaders.ACCEPT_ENCODING)))
                .response(new FilteringResponse(exchange, requirement.list(), grants))
                .build();
        return chain.filter(filtered);
    }

    private static boolean allowed(Grants grants, Action action, List<AppId> targets) {
        for (AppId target : targets) {
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

    /** The app ids a write's body names; a body that cannot be read names the root (only an admin passes). */
    private List<AppId> bodyTargets(Requirement.BodyTargets kind, DataBuffer buffer) {
        List<AppId> targets = new ArrayList<>();
        try {
            JsonNode body = buffer == null ? json.createObjectNode()
                    : json.readTree(buffer.toString(buffer.readPosition(), buffer.readableByteCount(), StandardCharsets.UTF_8));
            switch (kind) {
                case APP -> addId(targets, body.get("id"));
                case APPS -> {
                    if (body.isArray()) {
                        body.forEach(app -> addId(targets, app.get("id")));
                    } else {
                        addId(targets, body.get("id"));
                    }
                }
                case GROUP -> {
                    JsonNode id = body.get("id");
                    targets.add(id == null || !id.isString() ? AppId.ROOT : AppId.parse(id.asString()));
                }
                case TASK_IDS -> body.path("ids").forEach(task -> targets.add(TaskId.parse(task.asString()).appId()));
                case NONE -> { }
            }
        } catch (JacksonException | InvalidIdException e) {
            return List.of(AppId.ROOT);
        }
        return targets;
    }

    private static void addId(List<AppId> targets, JsonNode id) {
        if (id != null && id.isString()) {
            targets.add(AppId.parse(id.asString()));
        }
    }

    private static PacerPrincipal pacerPrincipal(java.security.Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof PacerPrincipal p) {
            return p;
        }
        return ANONYMOUS;
    }

    /** Buffers a successful list response, filters it, and writes it with its new length. */
    private final class FilteringResponse extends ServerHttpResponseDecorator {

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
