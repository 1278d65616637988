package dev.pacer.gateway.security;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.gateway.apps.AppsProperties;
import dev.pacer.gateway.metrics.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One security filter chain. Off: every request passes (the local stack). On: {@code /ping}, app
 * traffic and the probes pass; everything else needs valid credentials (Basic, {@code token=} or a
 * Bearer JWT) or gets a JSON 401. Errors are raised as {@link ApiException}s, so that the shared
 * WebFlux error handler writes them like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String REALM = "Basic realm=\"Pacer\"";

    @Bean
    SecurityWebFilterChain pacerSecurityChain(ServerHttpSecurity http, SecurityProperties properties,
                                              AppsProperties apps, GatewayMetrics metrics) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        if (!properties.enabled()) {
            return http.authorizeExchange(e -> e.anyExchange().permitAll()).build();
        }
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(
                new PacerAuthenticationManager(properties, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                        jwtDecoder(properties.jwt())));
        authentication.setServerAuthenticationConverter(new CredentialsConverter());
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler((filterExchange, e) -> {
            metrics.authenticationFailed(scheme(filterExchange.getExchange()));
            return unauthorized(filterExchange.getExchange());
        });
        return http.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, denied) -> unauthorized(exchange))
                        .accessDeniedHandler((exchange, denied) -> Mono.error(
                                new ApiException(403, ErrorBody.of(ErrorMessages.NOT_AUTHORIZED)))))
                .authorizeExchange(e -> e
                        .matchers(open(apps)).permitAll()
                        .anyExchange().authenticated())
                .build();
    }

    /** Uses the Marathon-compatible firewall (only {@code /v2/} tolerates {@code //}); rejections are JSON 400s. */
    @Bean
    static BeanPostProcessor marathonFirewall() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setFirewall(new MarathonPathFirewall());
                    proxy.setExchangeRejectedHandler((exchange, rejected) -> Mono.error(
                            new ApiException(400, ErrorBody.of("The request was rejected: its URL is not normalized"))));
                }
                return bean;
            }
        };
    }

    /** Paths that need no credentials: Marathon's ping, app traffic (by path or by host), probes and metrics. */
    private static ServerWebExchangeMatcher open(AppsProperties apps) {
        ServerWebExchangeMatcher paths = ServerWebExchangeMatchers.pathMatchers(ApiPaths.PING, AppsProperties.PATH_PREFIX + "/**",
                ApiPaths.ACTUATOR_HEALTH, ApiPaths.ACTUATOR_HEALTH + "/**", ApiPaths.ACTUATOR_PROMETHEUS);
        if (apps.domain() == null || apps.domain().isBlank()) {
            return paths;
        }
        String suffix = "." + apps.domain();
        return exchange -> {
            String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
            if (host != null && stripPort(host).endsWith(suffix)) {
                return ServerWebExchangeMatcher.MatchResult.match();
            }
            return paths.matches(exchange);
        };
    }

    private static String stripPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, REALM);
        return Mono.error(new ApiException(401, ErrorBody.of(ErrorMessages.INVALID_CREDENTIALS)));
    }

    private static String scheme(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return "none";
        }
        header = header.trim();
        if (header.regionMatches(true, 0, "token=", 0, 6)) {
            return CredentialsConverter.TOKEN;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return CredentialsConverter.BEARER;
        }
        return CredentialsConverter.BASIC;
    }

    private static ReactiveJwtDecoder jwtDecoder(SecurityProperties.Jwt jwt) {
        if (!jwt.configured()) {
            return null;
        }
        NimbusReactiveJwtDecoder decoder;
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        } else {
            byte[] secret = jwt.hmacSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalArgumentException(SecurityProperties.PREFIX + ".jwt.hmac-secret must be at least 32 bytes");
            }
            decoder = NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        if (jwt.issuer() != null && !jwt.issuer().isBlank()) {
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuer()));
        }
        return decoder;
    }
}
