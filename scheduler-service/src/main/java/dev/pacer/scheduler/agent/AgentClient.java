package dev.pacer.scheduler.agent;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's calls to an agent. Failures are {@link AgentUnreachableException}, except a launch the agent
 * refuses (an invalid request, a caller it does not accept): {@link AgentRefusedException}, with the agent's
 * reason. {@link HttpAgentClient} is the production adapter.
 */
public interface AgentClient {

    /** Asks the agent to run a task; answers the task as the agent took it. */
    AgentTask launch(AgentInfo agent, LaunchRequest request);

    /** Asks the agent to kill a task; empty when the agent does not know the task. */
    Optional<AgentTask> kill(AgentInfo agent, String taskId);

    /** Every task the agent runs. */
    List<AgentTask> tasks(AgentInfo agent);
}
