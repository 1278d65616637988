package dev.pacer.scheduler.agent;

/** An agent could not be reached or refused a call; the reconciler retries on its next pass. */
public class AgentUnreachableException extends RuntimeException {

    public AgentUnreachableException(String message) {
        super(message);
    }

    public AgentUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
