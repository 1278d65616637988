package dev.pacer.scheduler.placement.feasible;

import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.DeclineReasons;
import dev.pacer.scheduler.placement.PlacementContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * The agent's port range has as many unclaimed ports as the task needs — or, for an app with
 * {@code requirePorts}, exactly the ports it requires, unclaimed.
 */
public final class PortsFilter implements AgentFilter {

    @Override
    public String reason() {
        return DeclineReasons.INSUFFICIENT_PORTS;
    }

    @Override
    public Predicate<AgentView> prepare(PlacementContext context, List<AgentView> remaining) {
        List<Integer> required = context.request().requiredPorts();
        if (!required.isEmpty()) {
            return agent -> agent.hasFree(required);
        }
        int wanted = context.request().portCount();
        return wanted == 0 ? agent -> true : agent -> agent.freePorts() >= wanted;
    }
}
