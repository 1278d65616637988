package dev.pacer.scheduler.agent;

/**
 * An agent answered a launch with a 4xx: it will not run this task as asked (a request it finds invalid,
 * a caller it does not accept). Retrying the same launch there cannot help: the task fails with the
 * agent's reason, not as "unreachable".
 */
public class AgentRefusedException extends RuntimeException {

    public AgentRefusedException(String agentId, int status, String reason) {
        super("launch refused by agent " + agentId + " (HTTP " + status + "): " + reason);
    }
}
