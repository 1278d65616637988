package dev.pacer.gateway.authz;

import dev.pacer.contract.ids.AppId;
import dev.pacer.gateway.security.PacerPrincipal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a principal's {@link Grants} from the rules, once per distinct principal (cached: rules are
 * configuration). Without security, or without rules, every request gets {@link Grants#ALL}; so does the
 * bootstrap admin ({@link PacerPrincipal#admin()}), whatever the rules say.
 */
public final class AccessPolicy {

    private static final int CACHE_MAX = 10_000;

    private final List<AuthzProperties.Rule> rules;
    private final boolean securityEnabled;
    private final Map<PacerPrincipal, Grants> cache = new ConcurrentHashMap<>();

    public AccessPolicy(List<AuthzProperties.Rule> rules, boolean securityEnabled) {
        this.rules = List.copyOf(rules);
        this.securityEnabled = securityEnabled;
        for (AuthzProperties.Rule rule : rules) {
            rule.prefixes().forEach(AppId::parse); // fail at start-up on a malformed prefix
        }
    }

    /** The grants of an authenticated principal; null (anonymous) only reaches open paths. */
    public Grants grantsOf(PacerPrincipal principal) {
        if (!securityEnabled || rules.isEmpty()) {
            return Grants.ALL;
        }
        if (principal == null) {
            return new Grants(Grants.emptyMap());
        }
        if (principal.admin()) {
            return Grants.ALL;
        }
        Grants grants = cache.get(principal);
        if (grants == null) {
            if (cache.size() > CACHE_MAX) {
                cache.clear();
            }
            grants = resolve(principal);
            cache.put(principal, grants);
        }
        return grants;
    }

    private Grants resolve(PacerPrincipal principal) {
        Map<Action, List<AppId>> prefixes = Grants.emptyMap();
        for (AuthzProperties.Rule rule : rules) {
            boolean applies = rule.principals().contains("*") || rule.principals().contains(principal.name())
                    || rule.groups().contains("*") || rule.groups().stream().anyMatch(principal.groups()::contains);
            if (applies) {
                for (Action action : rule.actions()) {
                    rule.prefixes().forEach(p -> prefixes.get(action).add(AppId.parse(p)));
                }
            }
        }
        return new Grants(prefixes);
    }
}
