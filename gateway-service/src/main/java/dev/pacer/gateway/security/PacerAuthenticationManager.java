package dev.pacer.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks the credentials {@link CredentialsConverter} read: Basic against the bootstrap admin and the
 * configured users (a successful check is remembered for a minute as a SHA-256 digest, so that a bcrypt
 * hash is not recomputed on every request; a bcrypt runs off the event loop), tokens against the
 * configured tokens, JWTs with the resource server's decoder. An unknown user name costs one bcrypt
 * against a dummy hash of the configured cost, so that it answers in the time a wrong password takes.
 * Any failure is a {@link BadCredentialsException}: one 401, whatever went wrong.
 */
final class PacerAuthenticationManager implements ReactiveAuthenticationManager {

    private static final long REMEMBER_NANOS = 60_000_000_000L;
    private static final int REMEMBER_MAX = 10_000;
    private static final Pattern BCRYPT_COST = Pattern.compile("^\\{bcrypt}\\$2[abxy]?\\$(\\d\\d)\\$");

    private final SecurityProperties.Admin admin;
    private final Map<String, SecurityProperties.User> users;
    private final Map<String, SecurityProperties.Token> tokens;
    private final PasswordEncoder passwords;
    private final ReactiveJwtDecoder jwtDecoder;
    private final String groupsClaim;
    private final String dummyHash;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    PacerAuthenticationManager(SecurityProperties properties, PasswordEncoder passwords, ReactiveJwtDecoder jwtDecoder) {
        this.admin = properties.admin();
        this.users = properties.users().stream().collect(Collectors.toMap(SecurityProperties.User::name, Function.identity()));
        this.tokens = properties.tokens().stream().collect(Collectors.toMap(SecurityProperties.Token::value, Function.identity()));
        if (admin.configured() && users.containsKey(admin.name())) {
            throw new IllegalArgumentException(SecurityProperties.PREFIX + ".users has a user named like the bootstrap admin ('"
                    + admin.name() + "'): rename one of them");
        }
        if (admin.configured() && (admin.password() == null || admin.password().isBlank())) {
            throw new IllegalArgumentException(SecurityProperties.PREFIX + ".admin.password is missing (Spring's encoded form, {bcrypt}…)");
        }
        this.passwords = passwords;
        this.jwtDecoder = jwtDecoder;
        this.groupsClaim = properties.jwt().groupsClaim();
        this.dummyHash = dummyHash(Stream.concat(Stream.of(admin.password()), properties.users().stream().map(SecurityProperties.User::password)).toList());
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
        boolean isAdmin = admin.configured() && admin.name().equals(name);
        SecurityProperties.User user = isAdmin ? null : users.get(name);
        String hash = isAdmin ? admin.password() : user != null ? user.password() : null;
        PacerPrincipal principal = isAdmin ? PacerPrincipal.admin(name)
                : user != null ? new PacerPrincipal(name, Set.copyOf(user.groups())) : null;
        String digest = digest(name, password);
        Long until = verified.get(digest);
        long now = System.nanoTime();
        if (hash != null && until != null && until - now > 0) {
            return Mono.just(new PacerAuthentication(principal, CredentialsConverter.BASIC));
        }
        return Mono.fromCallable(() -> passwords.matches(password, hash != null ? hash : dummyHash) && hash != null)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ok -> {
                    if (!ok) {
                        return failed(CredentialsConverter.BASIC);
                    }
                    if (verified.size() > REMEMBER_MAX) {
                        verified.clear();
                    }
                    verified.put(digest, System.nanoTime() + REMEMBER_NANOS);
                    return Mono.just(new PacerAuthentication(principal, CredentialsConverter.BASIC));
                });
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

    private static Mono<Authentication> failed(String scheme) {
        return Mono.error(new BadCredentialsException("invalid " + scheme + " credentials"));
    }

    /** A bcrypt hash of a random password at the highest cost among the configured hashes (10 when none). */
    static String dummyHash(List<String> configured) {
        int cost = 10;
        boolean any = false;
        for (String hash : configured) {
            Matcher m = hash == null ? null : BCRYPT_COST.matcher(hash);
            if (m != null && m.find()) {
                int c = Integer.parseInt(m.group(1));
                cost = any ? Math.max(cost, c) : c;
                any = true;
            }
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return "{bcrypt}" + new BCryptPasswordEncoder(Math.max(4, Math.min(31, cost))).encode(Base64.getEncoder().encodeToString(random));
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
