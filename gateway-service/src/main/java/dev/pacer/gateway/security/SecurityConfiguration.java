package dev.pacer.gateway.security;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.gateway.apps.AppHosts;
import dev.pacer.gateway.apps.AppsProperties;
import dev.pacer.gateway.authz.AccessPolicy;
import dev.pacer.gateway.authz.Action;
import dev.pacer.gateway.metrics.GatewayMetrics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
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
 * One security filter chain. On (the default): {@code /ping}, app traffic (by path, or by host as
 * {@link AppHosts} decides: the same predicate the app-host route uses) and the probes pass; everything
 * else needs valid credentials (Basic, {@code token=} or a Bearer JWT) or gets a JSON 401; the actuator's
 * other endpoints need {@code view} on {@code /}. Failed logins are throttled per principal and per
 * client address ({@link LoginThrottle}: a JSON 429 without a password check). With security on and no
 * credential configured at all, the gateway does not start. Off ({@code enabled=false}, a development
 * stack only): every request passes, and a WARN line says so at start-up. Errors are raised as
 * {@link ApiException}s, so that the shared WebFlux error handler writes them like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String REALM = "Basic realm=\"Pacer\"";
    static final String SECURITY_OFF_WARNING = "GATEWAY SECURITY IS OFF (" + SecurityProperties.PREFIX
            + ".enabled=false): every request is let through without credentials or authorization. "
            + "Use this on a development machine only.";
    static final String NO_CREDENTIAL = SecurityProperties.PREFIX + ".enabled is true but no credential is configured: set "
            + SecurityProperties.PREFIX + ".admin.name and " + SecurityProperties.PREFIX + ".admin.password ({bcrypt}…), or "
            + "users, tokens or a JWT issuer; or, on a development machine only, " + SecurityProperties.PREFIX + ".enabled=false";

    @Bean
    SecurityWebFilterChain pacerSecurityChain(ServerHttpSecurity http, SecurityProperties properties, AppHosts hosts,
                                              AccessPolicy policy, GatewayMetrics metrics) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        if (!properties.enabled()) {
            log.warn(SECURITY_OFF_WARNING);
            return http.authorizeExchange(e -> e.anyExchange().permitAll()).build();
        }
        if (!properties.anyCredential()) {
            throw new IllegalStateException(NO_CREDENTIAL);
        }
        PacerAuthenticationManager manager = new PacerAuthenticationManager(properties,
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), jwtDecoder(properties.jwt()));
        LoginThrottle throttle = new LoginThrottle(properties.throttle(), Clock.systemUTC());
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(
                (ReactiveAuthenticationManagerResolver<ServerWebExchange>) exchange -> Mono.just(
                        credentials -> RequestLoop.backOnLoop(throttled(manager, throttle, credentials, clientAddress(exchange)), exchange)));
        authentication.setServerAuthenticationConverter(new CredentialsConverter());
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler((filterExchange, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                metrics.loginThrottled();
                filterExchange.getExchange().getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                        Long.toString(throttled.retryAfterSeconds()));
                return Mono.error(new ApiException(429, ErrorBody.of(
                        "Too many failed logins; retry after %d s".formatted(throttled.retryAfterSeconds()))));
            }
            metrics.authenticationFailed(scheme(filterExchange.getExchange()));
            return unauthorized(filterExchange.getExchange());
        });
        return http.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, denied) -> unauthorized(exchange))
                        .accessDeniedHandler((exchange, denied) -> Mono.error(
                                new ApiException(403, ErrorBody.of(ErrorMessages.NOT_AUTHORIZED)))))
                .authorizeExchange(e -> e
                        .matchers(open(hosts)).permitAll()
                        .pathMatchers("/actuator", "/actuator/**").access((auth, context) -> auth
                                .<AuthorizationResult>map(a -> new AuthorizationDecision(a.getPrincipal() instanceof PacerPrincipal p
                                        && policy.grantsOf(p).everywhere(Action.VIEW)))
                                .defaultIfEmpty(new AuthorizationDecision(false)))
                        // the OpenAPI document (served here, never proxied): any principal, it describes no data
                        .pathMatchers(HttpMethod.GET, ApiPaths.OPENAPI).authenticated()
                        .anyExchange().authenticated())
                .build();
    }

    /**
     * Refused unchecked while the principal or the address is throttled; a rejected credential counts
     * against both. The user name is the principal of a Basic attempt (tokens and JWTs count per address).
     */
    private static Mono<Authentication> throttled(PacerAuthenticationManager manager, LoginThrottle throttle,
                                                  Authentication credentials, String address) {
        String principal = credentials instanceof UsernamePasswordAuthenticationToken basic ? basic.getName() : null;
        Duration wait = throttle.blockedFor(principal, address);
        if (!wait.isZero()) {
            return Mono.error(new LoginThrottledException(wait));
        }
        return manager.authenticate(credentials)
                .doOnError(BadCredentialsException.class, e -> throttle.failed(principal, address));
    }

    /** The peer's address (a proxy in front of the gateway counts as one client: its X-Forwarded-For is not trusted). */
    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
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

    /** Paths that need no credentials: Marathon's ping, app traffic (by path, or by host), probes and metrics. */
    private static ServerWebExchangeMatcher open(AppHosts hosts) {
        ServerWebExchangeMatcher paths = ServerWebExchangeMatchers.pathMatchers(ApiPaths.PING, AppsProperties.PATH_PREFIX + "/**",
                ApiPaths.ACTUATOR_HEALTH, ApiPaths.ACTUATOR_HEALTH + "/**", ApiPaths.ACTUATOR_PROMETHEUS);
        if (!hosts.enabled()) {
            return paths;
        }
        return exchange -> hosts.isAppHost(exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST))
                ? ServerWebExchangeMatcher.MatchResult.match()
                : paths.matches(exchange);
    }

    /**
     * A JSON 401 that also closes the connection: on a keep-alive connection that had carried an
     * authenticated request, the request after a 401 was sometimes never answered (reproduced on main,
     * a few in a hundred such sequences; the reason lies below the gateway's code). A client that failed
     * to authenticate reconnects; nothing else pays for it.
     */
    private static Mono<Void> unauthorized(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, REALM);
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
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
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (jwt.issuer() != null && !jwt.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(jwt.issuer()));
        }
        if (jwt.audience() != null && !jwt.audience().isBlank()) {
            validators.add(new JwtAudienceValidator(jwt.audience()));
        }
        if (!validators.isEmpty()) {
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        }
        return decoder;
    }
}
