package dev.pacer.scheduler.placement.feasible;

import dev.pacer.contract.agent.Resources;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.DeclineReasons;
import dev.pacer.scheduler.placement.PlacementContext;
import dev.pacer.scheduler.placement.ResourceMath;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** One scalar resource of the task fits in what the agent has left (capacity - used, 3 decimals). */
public final class ResourceFitFilter implements AgentFilter {

    private final String reason;
    private final ToDoubleFunction<Resources> amount;

    private ResourceFitFilter(String reason, ToDoubleFunction<Resources> amount) {
        this.reason = reason;
        this.amount = amount;
    }

    public static ResourceFitFilter cpus() {
        return new ResourceFitFilter(DeclineReasons.INSUFFICIENT_CPUS, Resources::cpus);
    }

    public static ResourceFitFilter mem() {
        return new ResourceFitFilter(DeclineReasons.INSUFFICIENT_MEM, Resources::mem);
    }

    public static ResourceFitFilter disk() {
        return new ResourceFitFilter(DeclineReasons.INSUFFICIENT_DISK, Resources::disk);
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public Predicate<AgentView> prepare(PlacementContext context, List<AgentView> remaining) {
        double wanted = amount.applyAsDouble(context.request().perTask());
        return agent -> ResourceMath.fits(amount.applyAsDouble(agent.used()), wanted,
                amount.applyAsDouble(agent.info().capacity()));
    }
}
