package dev.pacer.boot.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.AntPathMatcher;

/**
 * Which service identities may call which endpoints of a service, checked on every request once mutual
 * TLS is on (the certificate itself is already verified by then). A service declares its rules as a
 * bean; {@link CallerPolicy} tries the rules of every bean in order, the first match decides. Paths no
 * rule names are for the {@code operator} only; {@code /actuator/**} for the operator and Prometheus.
 */
public final class CallerRules {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /**
     * @param method     HTTP method, upper case; null for every method
     * @param pattern    Ant-style path pattern ({@code /api/agent/**})
     * @param identities identities allowed ({@code scheduler}, {@code agent:*}, {@code *})
     */
    public record Rule(String method, String pattern, Set<String> identities) {

        public Rule {
            method = method == null ? null : method.toUpperCase(Locale.ROOT);
            identities = Set.copyOf(identities);
        }

        boolean applies(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && PATHS.match(pattern, path);
        }

        public boolean allows(String identity) {
            return identity != null && identities.stream().anyMatch(p -> Identities.matches(p, identity));
        }
    }

    private final List<Rule> rules;

    private CallerRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first rule for this request, if any. */
    public Optional<Rule> match(String method, String path) {
        return rules.stream().filter(r -> r.applies(method, path)).findFirst();
    }

    public List<Rule> rules() {
        return rules;
    }

    public static final class Builder {

        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        /** Every method on {@code pattern}. */
        public Builder allow(String pattern, String... identities) {
            return allowMethod(null, pattern, identities);
        }

        /** One method on {@code pattern}. */
        public Builder allowMethod(String method, String pattern, String... identities) {
            rules.add(new Rule(method, pattern, Set.of(identities)));
            return this;
        }

        public CallerRules build() {
            return new CallerRules(rules);
        }
    }
}
