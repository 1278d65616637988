package dev.pacer.boot.limits;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import java.time.Clock;
import java.util.concurrent.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * The request limits on a reactive service (the gateway): a URI over the length limit is a 414; a declared {@code Content-Length} over the
 * limit is a 413 before anything else runs (authentication included); otherwise the body's chunks are
 * counted as they stream through, to wherever they go (a proxied call, a cached body), and the stream
 * fails with a {@link RequestBodyLimitException} when it crosses the limit (413) or is not complete by
 * the deadline (408). The shared WebFlux error handler answers with that status while nothing was
 * answered yet.
 */
public final class ReactiveRequestLimitFilter implements WebFilter, Ordered {

    /** Early: before authentication (-100) and before anything that reads a body. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final RequestLimitsProperties limits;
    private final Clock clock;

    public ReactiveRequestLimitFilter(RequestLimitsProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String uriTooLong = limits.uriTooLong(request.getURI().getRawPath(), request.getURI().getRawQuery());
        if (uriTooLong != null) {
            return Mono.error(new ApiException(414, ErrorBody.of(uriTooLong)));
        }
        if (limits.isUnlimited(request.getPath().value())) {
            return chain.filter(exchange);
        }
        BodyBudget budget = new BodyBudget(limits.maxBodySize().toBytes(), limits.bodyReadTimeout(), clock);
        try {
            budget.checkDeclared(request.getHeaders().getContentLength());
        } catch (RequestBodyLimitException e) {
            return Mono.error(e);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limit(super.getBody(), budget);
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    static Flux<DataBuffer> limit(Flux<DataBuffer> body, BodyBudget requestBudget) {
        return Flux.defer(() -> {
            BodyBudget budget = requestBudget.restart();
            return body
                    .timeout(Mono.defer(() -> Mono.delay(budget.remaining())),
                            chunk -> Mono.defer(() -> Mono.delay(budget.remaining())))
                    .onErrorMap(TimeoutException.class, e -> budget.timedOut())
                    .handle((DataBuffer chunk, SynchronousSink<DataBuffer> sink) -> {
                        try {
                            budget.received(chunk.readableByteCount());
                            sink.next(chunk);
                        } catch (RequestBodyLimitException e) {
                            DataBufferUtils.release(chunk);
                            sink.error(e);
                        }
                    });
        });
    }
}
