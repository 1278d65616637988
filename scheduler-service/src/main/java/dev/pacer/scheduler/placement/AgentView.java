package dev.pacer.scheduler.placement;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.scheduler.placement.constraint.AgentFields;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A placement candidate: an agent as registered, what the scheduler thinks of it and what its
 * tasks already claim.
 *
 * @param info      as the agent registered itself
 * @param state     the scheduler's view ({@code ACTIVE} when the record has none)
 * @param used      resources claimed by tasks
 * @param usedPorts host ports claimed by tasks
 * @param fresh     whether its last heartbeat is recent enough
 */
public record AgentView(AgentInfo info, AgentState state, Resources used, Set<Integer> usedPorts, boolean fresh) {

    public AgentView {
        Objects.requireNonNull(info, "info");
        state = state == null ? AgentState.ACTIVE : state;
        used = used == null ? Resources.NONE : used;
        usedPorts = usedPorts == null ? Set.of() : Set.copyOf(usedPorts);
    }

    /** An idle, active, fresh agent. */
    public static AgentView idle(AgentInfo info) {
        return new AgentView(info, AgentState.ACTIVE, Resources.NONE, Set.of(), true);
    }

    public AgentId id() {
        return AgentId.parse(info.id());
    }

    /** The agent's value of a constraint field, {@code null} when it lacks it. */
    public String field(String field) {
        return AgentFields.value(info, field);
    }

    /** Host ports of its range not claimed yet. */
    public int freePorts() {
        PortRange range = info.ports();
        long claimedInRange = usedPorts.stream().filter(p -> p >= range.begin() && p <= range.end()).count();
        return range.size() - (int) claimedInRange;
    }

    /**
     * Whether it can give a task exactly {@code required} (requirePorts): every non-zero port in its
     * range and unclaimed, and a free port of its range besides them for every 0.
     */
    public boolean hasFree(List<Integer> required) {
        PortRange range = info.ports();
        long fixed = required.stream().filter(p -> p != 0).count();
        long any = required.size() - fixed;
        return required.stream().filter(p -> p != 0)
                .allMatch(p -> p >= range.begin() && p <= range.end() && !usedPorts.contains(p))
                && freePorts() - fixed >= any;
    }

    /**
     * This agent after one more task with {@code resources} and {@code portCount} ports — exactly
     * {@code required} when given, else the lowest free ports, as the claim script does; for placing
     * several tasks in one pass.
     */
    public AgentView withTask(Resources resources, int portCount, List<Integer> required) {
        Set<Integer> ports = new HashSet<>(usedPorts);
        required.stream().filter(p -> p != 0).forEach(ports::add);
        int anyPorts = required.isEmpty() ? portCount : (int) required.stream().filter(p -> p == 0).count();
        for (int port = info.ports().begin(), taken = 0; taken < anyPorts && port <= info.ports().end(); port++) {
            if (ports.add(port)) {
                taken++;
            }
        }
        return new AgentView(info, state, ResourceMath.plus(used, resources), ports, fresh);
    }
}
