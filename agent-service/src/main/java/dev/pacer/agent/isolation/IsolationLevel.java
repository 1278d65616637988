package dev.pacer.agent.isolation;

/**
 * What an agent isolates, advertised as its attribute {@value #ATTRIBUTE} so that placement constraints can
 * require it ({@code ["isolation", "LIKE", "cgroups"]}).
 */
public enum IsolationLevel {
    /** Each task in its own cgroups (memory, cpu, pids, freezer) and as an unprivileged user of its app. */
    CGROUPS,
    /** Tasks run as the agent's user without limits (an agent that is not root). */
    NONE;

    public static final String ATTRIBUTE = "isolation";

    public String attributeValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
