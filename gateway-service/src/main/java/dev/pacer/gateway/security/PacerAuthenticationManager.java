package dev.pacer.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Checks the credentials {@link CredentialsConverter} read: Basic against the configured users (a
 * successful check is remembered for a minute as a SHA-256 digest, so that a bcrypt hash is not
 * recomputed on every request), tokens against the configured tokens, JWTs with the resource server's
 * decoder. Any failure is a {@link BadCredentialsException}: one 401, whatever went wrong.
 */
final class PacerAuthenticationManager implements ReactiveAuthenticationManager {

    private static final long REMEMBER_NANOS = 60_000_000_000L;
    private static final int REMEMBER_MAX = 10_000;

    private final Map<String, SecurityProperties.User> users;
    private final Map<String, SecurityProperties.Token> tokens;
    private final PasswordEncoder passwords;
    private final ReactiveJwtDecoder jwtDecoder;
    private final String groupsClaim;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    PacerAuthenticationManager(SecurityProperties properties, PasswordEncoder passwords, ReactiveJwtDecoder jwtDecoder) {
        this.users = properties.users().stream().collect(Collectors.toMap(SecurityProperties.User::name, Function.identity()));
        this.tokens = properties.tokens().stream().collect(Collectors.toMap(SecurityProperties.Token::value, Function.identity()));
        this.passwords = passwords;
        this.jwtDecoder = jwtDecoder;
        this.groupsClaim = properties.jwt().groupsClaim();
    }

    @Override
    public Mono<Authentication> authenticate(Authentication credentials) {
        if (credentials instanceof UsernamePasswordAuthenticationToken basic) {
            return basic(basic.getName(), String.valueOf(basic.getCredentials()));
        }
        if (credentials instanceof MarathonTokenCredentials token) {
            SecurityProperties.Token known = tokens.get((String) token.getCredentials());
            if (known == null) {
                return failed(CredentialsConverter.TOKEN);
            }
            return Mono.just(new PacerAuthentication(new PacerPrincipal(known.principal(), Set.copyOf(known.groups())),
                    CredentialsConverter.TOKEN));
        }
        if (credentials instanceof BearerTokenAuthenticationToken bearer) {
            if (jwtDecoder == null) {
                return failed(CredentialsConverter.BEARER);
            }
            return jwtDecoder.decode(bearer.getToken())
                    .<Authentication>map(jwt -> new PacerAuthentication(principal(jwt), CredentialsConverter.BEARER))
                    .onErrorResume(JwtException.class, e -> failed(CredentialsConverter.BEARER));
        }
        return Mono.empty();
    }

    private Mono<Authentication> basic(String name, String password) {
        SecurityProperties.User user = users.get(name);
        String digest = digest(name, password);
        Long until = verified.get(digest);
        long now = System.nanoTime();
        boolean ok = user != null && ((until != null && until - now > 0) || passwords.matches(password, user.password()));
        if (!ok) {
            return failed(CredentialsConverter.BASIC);
        }
        if (until == null || until - now <= 0) {
            if (verified.size() > REMEMBER_MAX) {
                verified.clear();
            }
            verified.put(digest, now + REMEMBER_NANOS);
        }
        return Mono.just(new PacerAuthentication(new PacerPrincipal(name, Set.copyOf(user.groups())), CredentialsConverter.BASIC));
    }

    private PacerPrincipal principal(Jwt jwt) {
        Object claim = jwt.getClaims().get(groupsClaim);
        Set<String> groups = new HashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(g -> groups.add(String.valueOf(g)));
        } else if (claim instanceof String text) {
            groups.addAll(List.of(text.trim().split("\\s+")));
        }
        groups.remove("");
        return new PacerPrincipal(jwt.getSubject() == null ? "jwt" : jwt.getSubject(), groups);
    }

    private Mono<Authentication> failed(String scheme) {
        return Mono.error(new BadCredentialsException("invalid " + scheme + " credentials"));
    }

    private static String digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
