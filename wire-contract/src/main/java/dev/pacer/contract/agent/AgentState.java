package dev.pacer.contract.agent;

/** What the scheduler thinks of an agent; kept in the {@code state} field of its record. */
public enum AgentState {
    /** Heartbeating; new tasks may be placed on it. */
    ACTIVE,
    /** Being drained by an operator: nothing new is placed on it. */
    DRAINING,
    /** Missed heartbeats for longer than the lost timeout: its tasks are unreachable. */
    LOST
}
