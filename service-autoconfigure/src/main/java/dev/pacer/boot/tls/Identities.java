package dev.pacer.boot.tls;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Service identities: the common name of the subject of a certificate issued by the cluster's CA.
 * One per process kind; an agent's carries its id.
 */
public final class Identities {

    public static final String SCHEDULER = "scheduler";
    public static final String GATEWAY = "gateway";
    public static final String SECRETS = "secrets";
    public static final String HEALTH = "health";
    public static final String DISCOVERY = "discovery";
    /** A human or tool operating the cluster (curl, the tests, a browser on the Eureka dashboard). */
    public static final String OPERATOR = "operator";
    /** The metrics scraper: actuator reads only. */
    public static final String PROMETHEUS = "prometheus";
    public static final String AGENT_PREFIX = "agent:";
    /** Matches every agent in a {@link CallerRules} rule. */
    public static final String ANY_AGENT = AGENT_PREFIX + "*";
    /** Matches every identity the CA issued, in a {@link CallerRules} rule. */
    public static final String ANY = "*";

    private Identities() {
    }

    public static String agent(String agentId) {
        return AGENT_PREFIX + agentId;
    }

    /** The agent id of an {@code agent:<id>} identity; empty for every other identity. */
    public static Optional<String> agentId(String identity) {
        return identity != null && identity.startsWith(AGENT_PREFIX) && identity.length() > AGENT_PREFIX.length()
                ? Optional.of(identity.substring(AGENT_PREFIX.length())) : Optional.empty();
    }

    /** The identity of a verified peer: its leaf certificate's subject common name. */
    public static Optional<String> of(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return Optional.empty();
        }
        try {
            for (Rdn rdn : new LdapName(chain[0].getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code identity} matches {@code pattern}: equal, {@link #ANY}, or a {@code prefix:*} of it. */
    public static boolean matches(String pattern, String identity) {
        if (pattern.equals(ANY) || pattern.equals(identity)) {
            return true;
        }
        return pattern.endsWith(":*") && identity.startsWith(pattern.substring(0, pattern.length() - 1))
                && identity.length() > pattern.length() - 1;
    }
}
