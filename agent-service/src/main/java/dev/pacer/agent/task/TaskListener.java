package dev.pacer.agent.task;

import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;

/** Told of every published transition of a task (after it was checkpointed and reported), on the publishing thread. */
public interface TaskListener {

    void changed(LaunchRequest request, AgentTask task);
}
