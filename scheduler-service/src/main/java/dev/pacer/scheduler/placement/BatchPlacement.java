package dev.pacer.scheduler.placement;

import dev.pacer.contract.ids.AgentId;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of placing several tasks of one app in one pass.
 *
 * @param placed   the agent of each task placed, in order (an agent appears once per task)
 * @param declined why the next task could not be placed; {@code null} when all were placed
 */
public record BatchPlacement(List<AgentId> placed, PlacementResult.Declined declined) {

    public BatchPlacement {
        placed = List.copyOf(placed);
    }

    public boolean complete() {
        return declined == null;
    }

    public Optional<PlacementResult.Declined> declinedReason() {
        return Optional.ofNullable(declined);
    }
}
