package dev.pacer.scheduler.placement.constraint;

import dev.pacer.contract.agent.AgentInfo;

/** Where a constraint's field is read on an agent. */
public final class AgentFields {

    public static final String HOSTNAME = "hostname";
    public static final String ZONE = "@zone";
    public static final String REGION = "@region";

    private AgentFields() {
    }

    /**
     * The agent's value of {@code field}: {@code hostname}/{@code @hostname} is its host, {@code @zone}
     * and {@code @region} its zone and region, anything else an attribute. {@code null} (also for an
     * empty value) when the agent lacks the field.
     */
    public static String value(AgentInfo agent, String field) {
        String value = switch (field) {
            case HOSTNAME, "@hostname" -> agent.host();
            case ZONE -> agent.zone();
            case REGION -> agent.region();
            default -> agent.attributes().get(field);
        };
        return value == null || value.isEmpty() ? null : value;
    }
}
