package dev.pacer.scheduler.secrets;

import dev.pacer.contract.secrets.SecretPolicy;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler's share of the secrets configuration (same {@code pacer.secrets} prefix as
 * secrets-service, so one set of properties or environment variables configures both).
 *
 * @param grantKey base64 HMAC key (≥ 32 bytes) grants are signed with ({@code PACER_SECRETS_GRANT_KEY});
 *                 without it, tasks of apps with secrets fail at launch
 * @param grantTtl how long a grant can be redeemed after it was issued
 * @param policy   which app-id prefixes may use which secret-path prefixes; empty = same top-level group
 */
@ConfigurationProperties(SchedulerSecretsProperties.PREFIX)
record SchedulerSecretsProperties(String grantKey, @DefaultValue("5m") Duration grantTtl, List<PolicyRule> policy) {

    public static final String PREFIX = "pacer.secrets";

    public SchedulerSecretsProperties {
        policy = policy == null ? List.of() : List.copyOf(policy);
    }

    /** Apps under {@code apps} may use secrets under each of {@code secrets}. */
    public record PolicyRule(String apps, List<String> secrets) {
    }

    public SecretPolicy secretPolicy() {
        return SecretPolicy.of(policy.stream().map(r -> new SecretPolicy.Rule(r.apps(), r.secrets())).toList());
    }

    @Override
    public String toString() {
        return "SchedulerSecretsProperties[grantKey=<redacted>, grantTtl=" + grantTtl + ", policy=" + policy + "]";
    }
}
