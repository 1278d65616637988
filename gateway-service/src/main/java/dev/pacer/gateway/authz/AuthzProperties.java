package dev.pacer.gateway.authz;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authorization rules: "principal or group → app-id prefixes → actions". A principal may do an action
 * on an app when some rule naming the principal (or one of its groups, or {@code *}) lists that action
 * and a prefix the app id lies under ({@code /team-a} covers {@code /team-a/web}, not {@code /team-ab}).
 * No rules at all: every authenticated principal may do everything (Marathon with Basic auth only).
 * Requests that name no app (e.g. {@code DELETE /v2/leader}) need {@code update} on {@code /}.
 *
 * @param rules the rules; {@code pacer.gateway.authz.rules[0].groups[0]=team-a},
 *              {@code ….prefixes[0]=/team-a}, {@code ….actions=view,create,update,delete,kill}
 */
@ConfigurationProperties(AuthzProperties.PREFIX)
public record AuthzProperties(List<Rule> rules) {

    public static final String PREFIX = "pacer.gateway.authz";

    public AuthzProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** One rule; {@code principals} and {@code groups} may hold {@code *} (everyone authenticated). */
    public record Rule(List<String> principals, List<String> groups, List<String> prefixes, Set<Action> actions) {
        public Rule {
            principals = principals == null ? List.of() : List.copyOf(principals);
            groups = groups == null ? List.of() : List.copyOf(groups);
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
            actions = actions == null ? Set.of() : Set.copyOf(actions);
        }
    }
}
