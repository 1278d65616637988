package dev.pacer.scheduler.placement.claim;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.AgentState;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.scheduler.agent.AgentDirectory;
import dev.pacer.scheduler.placement.AgentView;
import dev.pacer.scheduler.placement.ResourceMath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link AgentViews}, {@link AgentClaims} and the {@link AgentDirectory} in memory, for fast tests: the same answers as
 * {@link RedisAgentViews} and {@link RedisAgentClaims} ({@code AgentsContract} runs against both).
 * {@link #register}, {@link #state} and {@link #stale} play the agents and the agent monitor. Thread-safe:
 * a claim is atomic, as the Lua script is.
 */
public class InMemoryAgents implements AgentViews, AgentClaims, AgentDirectory {

    private static final class Agent {
        final AgentInfo info;
        AgentState state;
        boolean fresh = true;
        Resources used = Resources.NONE;
        final Set<Integer> ports = new HashSet<>();
        final Map<TaskId, Claim> claims = new LinkedHashMap<>();

        Agent(AgentInfo info) {
            this.info = info;
        }
    }

    private final Map<String, Agent> agents = new TreeMap<>();

    /** An agent registers (again: its usage starts from nothing), heartbeating. */
    public synchronized void register(AgentInfo info) {
        agents.put(info.id(), new Agent(info));
    }

    @Override
    public synchronized Optional<AgentInfo> info(String agentId) {
        return Optional.ofNullable(agents.get(agentId)).map(a -> a.info);
    }

    /** The agent's state as the scheduler set it (null: none yet, which counts as ACTIVE). */
    public synchronized void state(String agentId, AgentState state) {
        agents.get(agentId).state = state;
    }

    /** The agent's last heartbeat is older than the placement's timeout. */
    public synchronized void stale(String agentId) {
        agents.get(agentId).fresh = false;
    }

    @Override
    public synchronized List<AgentView> load() {
        List<AgentView> views = new ArrayList<>();
        for (Agent agent : agents.values()) {
            views.add(new AgentView(agent.info, agent.state == null ? AgentState.ACTIVE : agent.state, agent.used,
                    Set.copyOf(agent.ports), agent.fresh));
        }
        return views;
    }

    @Override
    public synchronized ClaimResult claim(AgentId id, TaskId task, Resources resources, int portCount, List<Integer> required) {
        if (!required.isEmpty() && required.size() != portCount) {
            throw new IllegalArgumentException("required ports " + required + " do not match the port count " + portCount);
        }
        Agent agent = agents.get(id.value());
        if (agent != null && agent.claims.containsKey(task)) {
            return new ClaimResult.Granted(agent.claims.get(task), true);
        }
        if (agent == null) {
            return new ClaimResult.Declined("agent_unknown");
        }
        if (agent.state != null && agent.state != AgentState.ACTIVE) {
            return new ClaimResult.Declined("agent_not_active");
        }
        Resources wanted = new Resources(ResourceMath.round3(resources.cpus()), ResourceMath.round3(resources.mem()),
                ResourceMath.round3(resources.disk()));
        Resources after = ResourceMath.plus(agent.used, wanted);
        Resources capacity = agent.info.capacity();
        if (after.cpus() > ResourceMath.round3(capacity.cpus())) {
            return new ClaimResult.Declined("insufficient_cpus");
        }
        if (after.mem() > ResourceMath.round3(capacity.mem())) {
            return new ClaimResult.Declined("insufficient_mem");
        }
        if (after.disk() > ResourceMath.round3(capacity.disk())) {
            return new ClaimResult.Declined("insufficient_disk");
        }
        List<Integer> ports = ports(agent, portCount, required);
        if (ports == null) {
            return new ClaimResult.Declined("insufficient_ports");
        }
        agent.ports.addAll(ports);
        agent.used = after;
        Claim claim = new Claim(wanted, ports);
        agent.claims.put(task, claim);
        return new ClaimResult.Granted(claim, false);
    }

    @Override
    public synchronized boolean release(AgentId id, TaskId task) {
        Agent agent = agents.get(id.value());
        Claim claim = agent == null ? null : agent.claims.remove(task);
        if (claim == null) {
            return false;
        }
        agent.ports.removeAll(claim.ports());
        Resources used = agent.used;
        Resources freed = claim.resources();
        agent.used = new Resources(Math.max(0, ResourceMath.round3(used.cpus() - freed.cpus())),
                Math.max(0, ResourceMath.round3(used.mem() - freed.mem())), Math.max(0, ResourceMath.round3(used.disk() - freed.disk())));
        return true;
    }

    @Override
    public synchronized Map<TaskId, Claim> claims(AgentId id) {
        Agent agent = agents.get(id.value());
        return agent == null ? Map.of() : new LinkedHashMap<>(agent.claims);
    }

    /** The lowest free ports, or exactly the required ones (0: the lowest free); null when they are not free. */
    private static List<Integer> ports(Agent agent, int count, List<Integer> required) {
        Set<Integer> taken = new HashSet<>(agent.ports);
        int first = agent.info.ports().begin();
        int last = agent.info.ports().end();
        List<Integer> ports = new ArrayList<>();
        if (count == 0) {
            return ports;
        }
        if (!required.isEmpty()) {
            for (int port : required) {
                if (port != 0 && (port < first || port > last || !taken.add(port))) {
                    return null;
                }
            }
            int nextFree = first;
            for (int port : required) {
                if (port == 0) {
                    while (nextFree <= last && taken.contains(nextFree)) {
                        nextFree++;
                    }
                    if (nextFree > last) {
                        return null;
                    }
                    port = nextFree;
                    taken.add(port);
                }
                ports.add(port);
            }
            return ports;
        }
        for (int port = first; port <= last && ports.size() < count; port++) {
            if (!taken.contains(port)) {
                ports.add(port);
            }
        }
        return ports.size() < count ? null : ports;
    }
}
