package dev.pacer.scheduler.placement;

import dev.pacer.contract.ids.AgentId;
import dev.pacer.scheduler.placement.constraint.ValueCounts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** One pick: the request and the agents, with the app's task counts per field value worked out once. */
public final class PlacementContext {

    private final PlacementRequest request;
    private final Map<String, AgentView> agents = new HashMap<>();
    private final Map<String, ValueCounts> tasksByField = new HashMap<>();

    public PlacementContext(PlacementRequest request, Collection<AgentView> agents) {
        this.request = request;
        agents.forEach(agent -> this.agents.put(agent.info().id(), agent));
    }

    public PlacementRequest request() {
        return request;
    }

    /**
     * How the app's tasks spread over the values of {@code field}; tasks on agents no longer known
     * are left out.
     */
    public ValueCounts tasksBy(String field) {
        return tasksByField.computeIfAbsent(field, this::count);
    }

    private ValueCounts count(String field) {
        Map<String, Integer> byValue = new HashMap<>();
        int lacking = 0;
        for (AgentId agentId : request.taskAgents()) {
            AgentView agent = agents.get(agentId.value());
            if (agent == null) {
                continue;
            }
            String value = agent.field(field);
            if (value == null) {
                lacking++;
            } else {
                byValue.merge(value, 1, Integer::sum);
            }
        }
        return new ValueCounts(byValue, lacking);
    }
}
