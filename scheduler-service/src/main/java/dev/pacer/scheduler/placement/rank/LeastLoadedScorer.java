package dev.pacer.scheduler.placement.rank;

import static dev.pacer.scheduler.placement.ResourceMath.share;

import dev.pacer.contract.agent.Resources;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.PlacementContext;

/** Prefers the agent least loaded after placing: the lowest of the larger share of cpus and mem used. */
public final class LeastLoadedScorer implements AgentScorer {

    @Override
    public double score(AgentView agent, PlacementContext context) {
        Resources task = context.request().perTask();
        Resources used = agent.used();
        Resources capacity = agent.info().capacity();
        double cpus = share(used.cpus() + task.cpus(), capacity.cpus());
        double mem = share(used.mem() + task.mem(), capacity.mem());
        return -Math.max(cpus, mem);
    }
}
