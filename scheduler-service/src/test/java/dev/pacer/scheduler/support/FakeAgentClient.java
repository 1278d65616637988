package dev.pacer.scheduler.support;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.agent.AgentClient;
import dev.pacer.scheduler.agent.AgentRefusedException;
import dev.pacer.scheduler.agent.AgentUnreachableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agents as the scheduler's {@link AgentClient} sees them, in memory: each accepts every launch (the task is
 * STAGING there) and kill, unless told to refuse launches (a 4xx with a reason) or to be unreachable.
 */
public final class FakeAgentClient implements AgentClient {

    private final Map<String, List<LaunchRequest>> launched = new HashMap<>();
    private final Map<String, String> refusing = new HashMap<>();
    private final List<String> unreachable = new ArrayList<>();

    /** The agent answers every launch with HTTP 422 and this reason. */
    public synchronized void refuseLaunches(String agentId, String reason) {
        refusing.put(agentId, reason);
    }

    /** Every call to the agent fails as a connection would. */
    public synchronized void unreachable(String agentId) {
        unreachable.add(agentId);
    }

    /** The launches the agent accepted, in order. */
    public synchronized List<LaunchRequest> launchedOn(String agentId) {
        return List.copyOf(launched.getOrDefault(agentId, List.of()));
    }

    @Override
    public synchronized AgentTask launch(AgentInfo agent, LaunchRequest request) {
        reach(agent);
        if (refusing.containsKey(agent.id())) {
            throw new AgentRefusedException(agent.id(), 422, refusing.get(agent.id()));
        }
        launched.computeIfAbsent(agent.id(), a -> new ArrayList<>()).add(request);
        return new AgentTask(request.taskId(), request.appId(), request.version(), TaskState.TASK_STAGING, null, null, null,
                request.ports(), null, null);
    }

    @Override
    public synchronized Optional<AgentTask> kill(AgentInfo agent, String taskId) {
        reach(agent);
        List<LaunchRequest> tasks = launched.getOrDefault(agent.id(), new ArrayList<>());
        Optional<LaunchRequest> task = tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst();
        task.ifPresent(tasks::remove);
        return task.map(t -> new AgentTask(t.taskId(), t.appId(), t.version(), TaskState.TASK_KILLED, null, null, null,
                t.ports(), null, null));
    }

    @Override
    public synchronized List<AgentTask> tasks(AgentInfo agent) {
        reach(agent);
        return launchedOn(agent.id()).stream().map(t -> new AgentTask(t.taskId(), t.appId(), t.version(), TaskState.TASK_STAGING,
                null, null, null, t.ports(), null, null)).toList();
    }

    private void reach(AgentInfo agent) {
        if (unreachable.contains(agent.id())) {
            throw new AgentUnreachableException("agent " + agent.id() + " is unreachable: connection refused");
        }
    }
}
