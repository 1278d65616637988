package dev.pacer.secrets;

import dev.pacer.contract.secrets.SecretPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * secrets-service's configuration. Keys come from the environment (or Vault), never from a file in the
 * repository: {@code PACER_SECRETS_GRANT_KEY}, {@code PACER_SECRETS_EMBEDDED_KEYS_<VERSION>}.
 *
 * @param backend        {@code embedded} (values encrypted in Redis) or {@code vault}
 * @param grantKey       base64 HMAC key (≥ 32 bytes) shared with the scheduler, which signs grants with it
 * @param embedded       the embedded store's key-encryption keys
 * @param policy         which app-id prefixes may use which secret-path prefixes; empty = same top-level group
 * @param maxValueBytes  the largest value accepted
 * @param auditMaxLength entries kept in the audit stream (approximate trim)
 */
@ConfigurationProperties(SecretsProperties.PREFIX)
public record SecretsProperties(
        @DefaultValue("embedded") String backend,
        String grantKey,
        @DefaultValue Embedded embedded,
        List<PolicyRule> policy,
        @DefaultValue("65536") int maxValueBytes,
        @DefaultValue("100000") long auditMaxLength) {

    public static final String PREFIX = "pacer.secrets";

    public SecretsProperties {
        policy = policy == null ? List.of() : List.copyOf(policy);
    }

    /**
     * @param keys          key-encryption keys by version: {@code pacer.secrets.embedded.keys.<version>=<base64 of 32 bytes>}
     * @param activeKey     the version new values are wrapped under; default the highest version
     * @param rewrapOnStart re-wrap values under older versions to the active one at start-up (in the background)
     */
    public record Embedded(Map<String, String> keys, String activeKey, @DefaultValue("true") boolean rewrapOnStart,
                           @DefaultValue("0s") Duration rewrapDelay) {
        @Override
        public String toString() {
            return "Embedded[versions=" + (keys == null ? "[]" : keys.keySet()) + ", activeKey=" + activeKey + "]";
        }
    }

    /** Apps under {@code apps} may use secrets under each of {@code secrets}. */
    public record PolicyRule(String apps, List<String> secrets) {
    }

    public SecretPolicy secretPolicy() {
        return SecretPolicy.of(policy.stream().map(r -> new SecretPolicy.Rule(r.apps(), r.secrets())).toList());
    }

    @Override
    public String toString() {
        return "SecretsProperties[backend=" + backend + ", grantKey=<redacted>, embedded=" + embedded + ", policy=" + policy + "]";
    }
}
