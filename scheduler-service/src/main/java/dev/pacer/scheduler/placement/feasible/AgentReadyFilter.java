package dev.pacer.scheduler.placement.feasible;

import dev.pacer.contract.agent.AgentState;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.DeclineReasons;
import dev.pacer.scheduler.placement.PlacementContext;
import java.util.List;
import java.util.function.Predicate;

/** Only ACTIVE agents with a fresh heartbeat take new tasks (not DRAINING, not LOST, not silent). */
public final class AgentReadyFilter implements AgentFilter {

    @Override
    public String reason() {
        return DeclineReasons.AGENT_NOT_ACTIVE;
    }

    @Override
    public Predicate<AgentView> prepare(PlacementContext context, List<AgentView> remaining) {
        return agent -> agent.state() == AgentState.ACTIVE && agent.fresh();
    }
}
