package dev.pacer.scheduler.placement.rank;

import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.PlacementContext;

/**
 * One ranking criterion of the placement pipeline (Nomad's {@code rank}), applied to feasible agents
 * only. Scorers rank lexicographically in the pipeline's order: a later scorer only breaks the ties
 * of the earlier ones.
 */
public interface AgentScorer {

    /** Higher is better. */
    double score(AgentView agent, PlacementContext context);
}
