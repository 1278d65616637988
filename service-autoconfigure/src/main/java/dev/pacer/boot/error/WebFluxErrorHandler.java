package dev.pacer.boot.error;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The reactive counterpart of {@link MvcErrorAdvice}: the gateway's errors are the same JSON body. */
public class WebFluxErrorHandler implements ErrorWebExceptionHandler {

    private final JsonMapper json;

    public WebFluxErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ApiError api = ErrorTranslator.translate(error, exchange.getRequest().getPath().value());
        response.setStatusCode(HttpStatus.valueOf(api.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(api.body()));
        return response.writeWith(Mono.just(buffer));
    }
}
