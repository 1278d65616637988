package dev.pacer.scheduler.placement.claim;

import java.util.Objects;

/** The outcome of {@link AgentClaims#claim}. */
public sealed interface ClaimResult {

    /**
     * The task holds {@code claim} on the agent.
     *
     * @param alreadyHeld true when the task had claimed before (a retry); the earlier claim is returned
     */
    record Granted(Claim claim, boolean alreadyHeld) implements ClaimResult {
        public Granted {
            Objects.requireNonNull(claim, "claim");
        }
    }

    /**
     * Nothing was claimed; {@code reason} is one of {@link dev.pacer.scheduler.placement.DeclineReasons}:
     * {@code agent_unknown}, {@code agent_not_active}, {@code insufficient_cpus|mem|disk|ports}.
     */
    record Declined(String reason) implements ClaimResult {
        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
