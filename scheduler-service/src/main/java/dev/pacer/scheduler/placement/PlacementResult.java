package dev.pacer.scheduler.placement;

import dev.pacer.contract.ids.AgentId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The outcome of placing one task. */
public sealed interface PlacementResult {

    /** The task goes to {@code agentId}; claim its resources there next ({@code AgentClaims.claim}). */
    record Placed(AgentId agentId) implements PlacementResult {
        public Placed {
            Objects.requireNonNull(agentId, "agentId");
        }
    }

    /**
     * No agent can take the task.
     *
     * @param reasonCounts agents rejected per reason ({@link DeclineReasons}), each agent counted
     *                     once, at the first filter that rejected it; empty when there were no agents
     */
    record Declined(Map<String, Integer> reasonCounts) implements PlacementResult {
        public Declined {
            reasonCounts = Collections.unmodifiableMap(new LinkedHashMap<>(reasonCounts));
        }

        /** E.g. "3 agents lacked mem, 2 agents failed UNIQUE hostname". */
        public String summary() {
            return DeclineReasons.summary(reasonCounts);
        }
    }
}
