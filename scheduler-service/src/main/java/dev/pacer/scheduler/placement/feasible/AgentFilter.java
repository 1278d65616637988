package dev.pacer.scheduler.placement.feasible;

import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.PlacementContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * One feasibility check of the placement pipeline (Nomad's {@code feasible/}): rules agents out,
 * never ranks them. Filters run one after the other over the agents still in the running, cheap ones
 * first; an agent a filter rejects is counted under its {@link #reason()}.
 */
public interface AgentFilter {

    /** Decline reason counted for the agents this filter rejects, e.g. {@code insufficient_mem}. */
    String reason();

    /**
     * The test of single agents for one pick, prepared once.
     *
     * @param context   the pick
     * @param remaining the agents that passed the filters before this one
     */
    Predicate<AgentView> prepare(PlacementContext context, List<AgentView> remaining);
}
