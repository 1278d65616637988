package dev.pacer.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication at the gateway. Off by default (the local stack); the {@code prod} profile turns it on.
 * Credentials are configuration of the embedded default: give them through the environment or a
 * secret store (e.g. {@code PACER_GATEWAY_SECURITY_USERS_0_PASSWORD}), never a committed file.
 *
 * @param enabled require credentials on every route but {@code /ping}, app traffic and probes
 * @param users   HTTP Basic users; {@code password} in Spring's encoded form ({@code {bcrypt}…},
 *                {@code {noop}…} for tests)
 * @param tokens  Marathon/DC-OS style tokens, sent as {@code Authorization: token=<value>}
 * @param jwt     Bearer JWTs (resource server): an HMAC secret or a JWK set URI
 */
@ConfigurationProperties(SecurityProperties.PREFIX)
public record SecurityProperties(
        @DefaultValue("false") boolean enabled,
        List<User> users,
        List<Token> tokens,
        Jwt jwt) {

    public static final String PREFIX = "pacer.gateway.security";

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        jwt = jwt == null ? new Jwt(null, null, null, "groups") : jwt;
    }

    /** A Basic user: name, encoded password, groups. */
    public record User(String name, String password, List<String> groups) {
        public User {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** A static token and the principal it stands for. */
    public record Token(String value, String principal, List<String> groups) {
        public Token {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /**
     * @param hmacSecret  shared HS256 secret (at least 32 bytes)
     * @param jwkSetUri   JWK set of the issuer (RS256 and friends), instead of the HMAC secret
     * @param issuer      required {@code iss} claim when set
     * @param groupsClaim claim holding the principal's groups (a list or a space-separated string)
     */
    public record Jwt(String hmacSecret, String jwkSetUri, String issuer, @DefaultValue("groups") String groupsClaim) {
        public Jwt {
            groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
        }

        boolean configured() {
            return (hmacSecret != null && !hmacSecret.isBlank()) || (jwkSetUri != null && !jwkSetUri.isBlank());
        }
    }
}
