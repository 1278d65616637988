package dev.pacer.scheduler.placement.rank;

import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.PlacementContext;
import dev.pacer.scheduler.placement.constraint.AgentFields;

/**
 * Spreads an app of more than one instance over {@code @zone}: the fewer of the app's tasks in the
 * agent's zone, the better. Agents without a zone count as one zone of their own.
 */
public final class ZoneSpreadScorer implements AgentScorer {

    @Override
    public double score(AgentView agent, PlacementContext context) {
        if (context.request().targetInstances() <= 1) {
            return 0;
        }
        return -context.tasksBy(AgentFields.ZONE).count(agent.field(AgentFields.ZONE));
    }
}
