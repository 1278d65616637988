package dev.pacer.boot.tls;

import dev.pacer.contract.error.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller check of a reactive service's own management port (the gateway's: its main port is public),
 * in the management child context only, so that it never sees the public port's requests: actuator for
 * the operator and Prometheus ({@link CallerPolicy}).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = TlsProperties.PREFIX, name = "ca")
class ReactiveManagementCallers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    WebFilter pacerManagementCallerFilter() {
        CallerPolicy policy = new CallerPolicy(List.of());
        return (exchange, chain) -> {
            SslInfo ssl = exchange.getRequest().getSslInfo();
            String identity = ssl == null ? null : Identities.of(ssl.getPeerCertificates()).orElse(null);
            Optional<String> refusal = policy.refusal(exchange.getRequest().getMethod().name(),
                    exchange.getRequest().getPath().pathWithinApplication().value(), identity);
            if (refusal.isEmpty()) {
                return chain.filter(exchange);
            }
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
            byte[] body = JSON.writeValueAsString(ErrorBody.of(refusal.get())).getBytes(StandardCharsets.UTF_8);
            return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
        };
    }
}
