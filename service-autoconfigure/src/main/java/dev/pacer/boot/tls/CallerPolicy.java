package dev.pacer.boot.tls;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every {@link CallerRules} bean of a service, in order, then the shared ones: actuator for the
 * operator and Prometheus, anything else for the operator only. {@link #refusal} says why a caller may
 * not make a request, or nothing when it may.
 */
public final class CallerPolicy {

    static final CallerRules SHARED = CallerRules.builder()
            .allow("/actuator/**", Identities.OPERATOR, Identities.PROMETHEUS)
            .allow("/**", Identities.OPERATOR)
            .build();

    private final List<CallerRules> rules;

    public CallerPolicy(List<CallerRules> serviceRules) {
        this.rules = Stream.concat(serviceRules.stream(), Stream.of(SHARED)).toList();
    }

    /** Empty when {@code identity} may call {@code method path}; else the message of the 403. */
    public Optional<String> refusal(String method, String path, String identity) {
        if (identity == null) {
            return Optional.of("A client certificate issued by the cluster's CA is required");
        }
        for (CallerRules service : rules) {
            Optional<CallerRules.Rule> rule = service.match(method, path);
            if (rule.isPresent()) {
                return rule.get().allows(identity) ? Optional.empty()
                        : Optional.of("Caller '" + identity + "' may not call " + method + " " + path
                                + " (allowed: " + String.join(", ", sorted(rule.get().identities())) + ")");
            }
        }
        return Optional.of("Caller '" + identity + "' may not call " + method + " " + path);
    }

    private static List<String> sorted(Set<String> identities) {
        return identities.stream().sorted().toList();
    }
}
