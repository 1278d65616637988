package dev.pacer.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the one {@code Authorization} header into credentials to check: {@code Basic <b64>},
 * Marathon's {@code token=<t>}, or {@code Bearer <jwt>}. No header: no credentials (the route decides
 * whether that is allowed). Any other scheme, or a malformed one: bad credentials (401).
 */
final class CredentialsConverter implements ServerAuthenticationConverter {

    static final String BASIC = "basic";
    static final String TOKEN = "token";
    static final String BEARER = "bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Mono.empty();
        }
        header = header.trim();
        try {
            return Mono.just(parse(header));
        } catch (BadCredentialsException e) {
            return Mono.error(e);
        }
    }

    static Authentication parse(String header) {
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCredentialsException("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new BadCredentialsException("malformed Basic credentials");
            }
            return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        if (header.regionMatches(true, 0, "token=", 0, 6)) {
            String token = header.substring(6).trim();
            if (token.isEmpty()) {
                throw new BadCredentialsException("empty token");
            }
            return new MarathonTokenCredentials(token);
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new BearerTokenAuthenticationToken(header.substring(7).trim());
        }
        throw new BadCredentialsException("unsupported Authorization scheme");
    }
}
