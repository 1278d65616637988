package dev.pacer.scheduler.placement;

import dev.pacer.scheduler.placement.constraint.Operator;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why an agent cannot take a task: keys shared by the placement filters, the claim script
 * ({@code scripts/agent-claim.lua}) and the {@code pacer.scheduler.placement.declines} metric.
 * Constraint filters use {@code constraint_<OPERATOR>_<field>}.
 */
public final class DeclineReasons {

    public static final String AGENT_NOT_ACTIVE = "agent_not_active";
    public static final String AGENT_UNKNOWN = "agent_unknown";
    public static final String INSUFFICIENT_CPUS = "insufficient_cpus";
    public static final String INSUFFICIENT_MEM = "insufficient_mem";
    public static final String INSUFFICIENT_DISK = "insufficient_disk";
    public static final String INSUFFICIENT_PORTS = "insufficient_ports";
    /** The app is a Docker container and the agent has no Docker engine ("lacked docker"). */
    public static final String INSUFFICIENT_DOCKER = "insufficient_docker";
    public static final String NO_AGENTS = "no_agents";

    private static final String INSUFFICIENT = "insufficient_";
    private static final String CONSTRAINT = "constraint_";

    private DeclineReasons() {
    }

    /** Reads like "3 agents lacked mem, 2 agents failed UNIQUE hostname", most frequent first. */
    public static String summary(Map<String, Integer> reasonCounts) {
        if (reasonCounts.isEmpty()) {
            return "no agents";
        }
        return reasonCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + (e.getValue() == 1 ? " agent " : " agents ") + phrase(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String phrase(String reason, int count) {
        if (reason.startsWith(INSUFFICIENT)) {
            return "lacked " + reason.substring(INSUFFICIENT.length());
        }
        if (reason.startsWith(CONSTRAINT)) {
            String rest = reason.substring(CONSTRAINT.length());
            for (Operator operator : Operator.values()) {
                if (rest.startsWith(operator.name() + "_")) {
                    return "failed " + operator.name() + " " + rest.substring(operator.name().length() + 1);
                }
            }
            return "failed " + rest;
        }
        return switch (reason) {
            case AGENT_NOT_ACTIVE -> (count == 1 ? "was" : "were") + " not active";
            case AGENT_UNKNOWN -> (count == 1 ? "was" : "were") + " unknown";
            default -> reason;
        };
    }
}
