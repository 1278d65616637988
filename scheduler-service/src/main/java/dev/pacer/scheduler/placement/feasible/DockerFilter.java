package dev.pacer.scheduler.placement.feasible;

import dev.pacer.contract.agent.Capabilities;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.DeclineReasons;
import dev.pacer.scheduler.placement.PlacementContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Docker app's task goes only to an agent that advertises the {@code docker} capability (its engine
 * answered when it started); the queue then says "N agents lacked docker". Other apps pass every agent.
 */
public final class DockerFilter implements AgentFilter {

    @Override
    public String reason() {
        return DeclineReasons.INSUFFICIENT_DOCKER;
    }

    @Override
    public Predicate<AgentView> prepare(PlacementContext context, List<AgentView> remaining) {
        return context.request().docker() ? agent -> Capabilities.hasDocker(agent.info()) : agent -> true;
    }
}
