package dev.pacer.contract.agent;

/**
 * What an agent can run beyond OS processes, advertised as attributes of its {@link AgentInfo} (so that
 * constraints can name them too) and required by placement for the apps that need them.
 */
public final class Capabilities {

    /** Set (to the engine's version) when a Docker engine answered the agent at start-up. */
    public static final String DOCKER = "docker";

    private Capabilities() {
    }

    public static boolean hasDocker(AgentInfo agent) {
        return agent.attributes().containsKey(DOCKER);
    }
}
