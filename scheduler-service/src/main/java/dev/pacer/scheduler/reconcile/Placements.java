package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.BatchPlacement;
import dev.pacer.scheduler.placement.PlacementRequest;
import dev.pacer.scheduler.placement.Placer;
import dev.pacer.scheduler.placement.claim.AgentClaims;
import dev.pacer.scheduler.placement.claim.AgentViews;
import dev.pacer.scheduler.placement.claim.ClaimResult;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where an app's new tasks go, for {@link TaskLauncher}: the agents as the cluster sees them, placement (filters,
 * scores) over them, then each chosen agent's resources claimed atomically, one task at a time.
 */
public class Placements {

    private final AgentViews views;
    private final Placer placer;
    private final AgentClaims claims;

    public Placements(AgentViews views, Placer placer, AgentClaims claims) {
        this.views = views;
        this.placer = placer;
        this.claims = claims;
    }

    /**
     * The agents chosen for {@code count} new tasks, in order, and why the others found none.
     *
     * @param agents  every candidate by id (the chosen ones' host, zone and API address)
     * @param declines reasons and counts of the launches that could not be placed
     */
    public record Placed(List<AgentId> chosen, Map<AgentId, AgentView> agents, Map<String, Integer> declines) {
    }

    /** @param active the app's tasks that stay (spread and unique constraints count them) */
    public Placed place(AppSpec spec, int count, List<TaskRecord> active) {
        List<AgentView> candidates = views.load();
        Map<AgentId, AgentView> byId = candidates.stream().collect(Collectors.toMap(AgentView::id, Function.identity()));
        PlacementRequest request = new PlacementRequest(spec.id(), spec.resources(), spec.portNames().size(),
                spec.constraints(), active.stream().map(t -> AgentId.parse(t.agentId())).toList(), spec.instances(),
                spec.requiredHostPorts(), spec.container() != null);
        BatchPlacement batch = placer.placeAll(request, count, candidates);
        Map<String, Integer> declines = new LinkedHashMap<>();
        batch.declinedReason().ifPresent(d -> declines.putAll(d.reasonCounts()));
        if (candidates.isEmpty() && count > 0) {
            declines.put("no_agents", 0);
        }
        return new Placed(batch.placed(), byId, declines);
    }

    /** Claims the task's resources (and ports) on the agent: declined when another scheduler got there first. */
    public ClaimResult claim(AgentId agent, TaskId task, AppSpec spec) {
        return claims.claim(agent, task, spec.resources(), spec.portNames().size(), spec.requiredHostPorts());
    }

    /** Frees what the task claimed on its agent. */
    public void release(TaskRecord task) {
        claims.release(AgentId.parse(task.agentId()), TaskId.parse(task.taskId()));
    }
}
