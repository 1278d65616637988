package dev.pacer.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication at the gateway: on by default. With it on, at least one credential must be configured
 * (the bootstrap admin, a user, a token or a JWT issuer), or the gateway refuses to start. Credentials
 * are configuration of the embedded default: give them through the environment, a secret store or an
 * imported 0600 properties file (e.g. {@code PACER_GATEWAY_SECURITY_ADMIN_PASSWORD}), never a committed file.
 *
 * @param enabled  require credentials on every route but {@code /ping}, app traffic and probes; {@code false}
 *                 only for a development stack (the gateway logs a WARN line at start-up then)
 * @param admin    the bootstrap admin: may do everything, whatever the authorization rules say; kept apart
 *                 from {@code users} so that an operator's user list never replaces or shadows it
 * @param users    HTTP Basic users; {@code password} in Spring's encoded form ({@code {bcrypt}…},
 *                 {@code {noop}…} for tests)
 * @param tokens   Marathon/DC-OS style tokens, sent as {@code Authorization: token=<value>}
 * @param jwt      Bearer JWTs (resource server): an HMAC secret or a JWK set URI
 * @param throttle failed-login throttling per principal and per client address
 */
@ConfigurationProperties(SecurityProperties.PREFIX)
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        Admin admin,
        List<User> users,
        List<Token> tokens,
        Jwt jwt,
        Throttle throttle) {

    public static final String PREFIX = "pacer.gateway.security";

    public SecurityProperties {
        admin = admin == null ? new Admin(null, null) : admin;
        users = users == null ? List.of() : List.copyOf(users);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        jwt = jwt == null ? new Jwt(null, null, null, null, "groups") : jwt;
        throttle = throttle == null ? new Throttle(10, 50, Duration.ofMinutes(5), 100_000) : throttle;
    }

    /** Whether any credential at all is configured. */
    public boolean anyCredential() {
        return admin.configured() || !users.isEmpty() || !tokens.isEmpty() || jwt.configured();
    }

    /**
     * @param name     the admin's user name ({@code admin} on the local stack)
     * @param password Spring's encoded form, {@code {bcrypt}…}
     */
    public record Admin(String name, String password) {
        public boolean configured() {
            return name != null && !name.isBlank();
        }
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
     * @param audience    required in the {@code aud} claim when set (a token for another service is refused)
     * @param groupsClaim claim holding the principal's groups (a list or a space-separated string)
     */
    public record Jwt(String hmacSecret, String jwkSetUri, String issuer, String audience,
                      @DefaultValue("groups") String groupsClaim) {
        public Jwt {
            groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
        }

        boolean configured() {
            return (hmacSecret != null && !hmacSecret.isBlank()) || (jwkSetUri != null && !jwkSetUri.isBlank());
        }
    }

    /**
     * Failed logins, counted per gateway instance. Once a principal (a Basic user name, known or not) or a
     * client address has had this many failures within the window, its further attempts are answered 429
     * without checking any password, until the window ends.
     *
     * @param perPrincipal failures of one user name within the window
     * @param perAddress   failures from one client address within the window (all schemes)
     * @param window       how long a failure counts
     * @param maxTracked   principals and addresses tracked at once (older entries are dropped first)
     */
    public record Throttle(@DefaultValue("10") int perPrincipal, @DefaultValue("50") int perAddress,
                           @DefaultValue("5m") Duration window, @DefaultValue("100000") int maxTracked) {
        public Throttle {
            if (perPrincipal < 1 || perAddress < 1 || window == null || window.isNegative() || window.isZero() || maxTracked < 1) {
                throw new IllegalArgumentException(PREFIX + ".throttle: limits must be positive, window longer than zero");
            }
        }
    }
}
