package dev.pacer.scheduler.placement;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.placement.constraint.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where should one more task of an app run?
 *
 * @param appId           the app
 * @param perTask         resources of one task
 * @param portCount       host ports one task needs
 * @param constraints     the app's constraints, parsed ({@link Constraint#parseAll})
 * @param taskAgents      the agent of each of the app's active tasks (an agent appears once per task)
 * @param targetInstances the app's target instance count
 * @param requiredPorts   the exact host ports one task needs ({@code requirePorts}); empty: any
 *                        {@code portCount} free ports
 * @param docker          whether the task is a Docker container (only agents with the {@code docker}
 *                        capability can run it)
 */
public record PlacementRequest(AppId appId, Resources perTask, int portCount, List<Constraint> constraints,
                               List<AgentId> taskAgents, int targetInstances, List<Integer> requiredPorts,
                               boolean docker) {

    /** A task that is an OS process. */
    public PlacementRequest(AppId appId, Resources perTask, int portCount, List<Constraint> constraints,
                            List<AgentId> taskAgents, int targetInstances, List<Integer> requiredPorts) {
        this(appId, perTask, portCount, constraints, taskAgents, targetInstances, requiredPorts, false);
    }

    public PlacementRequest {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(perTask, "perTask");
        if (portCount < 0 || targetInstances < 0) {
            throw new IllegalArgumentException("port count and target instances cannot be negative");
        }
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        taskAgents = taskAgents == null ? List.of() : List.copyOf(taskAgents);
        requiredPorts = requiredPorts == null ? List.of() : List.copyOf(requiredPorts);
        if (!requiredPorts.isEmpty() && requiredPorts.size() != portCount) {
            throw new IllegalArgumentException("required ports " + requiredPorts + " do not match the port count " + portCount);
        }
    }

    /** The same request once one more task runs on {@code agent}. */
    public PlacementRequest withTaskOn(AgentId agent) {
        List<AgentId> agents = new ArrayList<>(taskAgents);
        agents.add(agent);
        return new PlacementRequest(appId, perTask, portCount, constraints, agents, targetInstances, requiredPorts, docker);
    }
}
