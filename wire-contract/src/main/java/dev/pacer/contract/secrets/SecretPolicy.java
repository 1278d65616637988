package dev.pacer.contract.secrets;

import java.util.List;
import java.util.Objects;

/**
 * Which apps may use which secrets: rules "apps under {@code appPrefix} may reference secrets under any
 * of {@code secretPrefixes}" (prefixes are segment-wise, {@code /} covers everything). An app may use a
 * secret when any rule whose app prefix covers the app allows the path.
 *
 * <p>With no rules configured, the default is <b>same top-level group</b>: an app may use the secrets
 * under its own first id segment ({@code /payments/api} may use {@code /payments/**}, {@code /web} may
 * use {@code /web/**}), nothing else. Configured rules replace the default. Evaluated by the scheduler
 * when an app is submitted (422) and by secrets-service when a grant is redeemed (403).
 */
public final class SecretPolicy {

    /** Apps under {@code appPrefix} may use secrets under each of {@code secretPrefixes}. */
    public record Rule(String appPrefix, List<String> secretPrefixes) {
        public Rule {
            Objects.requireNonNull(appPrefix, "appPrefix");
            secretPrefixes = secretPrefixes == null ? List.of() : List.copyOf(secretPrefixes);
        }
    }

    private final List<Rule> rules;

    private SecretPolicy(List<Rule> rules) {
        this.rules = rules;
    }

    /** The given rules; the same-top-level-group default when there are none. */
    public static SecretPolicy of(List<Rule> rules) {
        return new SecretPolicy(rules == null ? List.of() : List.copyOf(rules));
    }

    public static SecretPolicy sameTopLevelGroup() {
        return of(List.of());
    }

    public boolean isDefault() {
        return rules.isEmpty();
    }

    public boolean allows(String appId, String secretPath) {
        if (appId == null || secretPath == null) {
            return false;
        }
        if (rules.isEmpty()) {
            String top = topLevel(appId);
            return top != null && SecretPaths.under(secretPath, top);
        }
        return rules.stream()
                .filter(rule -> SecretPaths.under(appId, rule.appPrefix()))
                .anyMatch(rule -> rule.secretPrefixes().stream().anyMatch(p -> SecretPaths.under(secretPath, p)));
    }

    /** {@code /payments/api} → {@code /payments}. */
    static String topLevel(String appId) {
        String id = appId.startsWith("/") ? appId.substring(1) : appId;
        int slash = id.indexOf('/');
        String first = slash < 0 ? id : id.substring(0, slash);
        return first.isEmpty() ? null : "/" + first;
    }
}
