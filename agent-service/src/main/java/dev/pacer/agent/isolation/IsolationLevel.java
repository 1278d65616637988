package dev.pacer.agent.isolation;

import java.util.Locale;

/**
 * What an agent isolates, advertised as its attribute {@value #ATTRIBUTE} so that placement constraints can
 * require it ({@code ["isolation", "LIKE", "cgroups"]}).
 */
public enum IsolationLevel {
    /** Each task in its own cgroups (memory, cpu, pids, freezer) and as an unprivileged user of its app. */
    CGROUPS,
    /**
     * Each task as an unprivileged user of its app, without cgroups: a root agent that cannot create cgroups (an
     * unprivileged container). No limits; a kill reaches the task's process group, not a process that left it.
     */
    USERS,
    /** Tasks run as the agent's user without limits (an agent that is not root). */
    NONE;

    public static final String ATTRIBUTE = "isolation";

    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
