package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.agent.AgentClient;
import dev.pacer.scheduler.agent.AgentDirectory;
import dev.pacer.scheduler.agent.AgentUnreachableException;
import dev.pacer.scheduler.task.status.TaskTransitions;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.task.store.TaskStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a task: records that the kill was asked for (so its end is a kill, not a failure, and it
 * stops counting at once), then asks its agent. The agent reports {@code TASK_KILLED} on the status
 * stream. A task its agent does not know, or whose agent is gone for good, is recorded killed here.
 * An unreachable agent leaves the task {@code TASK_KILLING}; the next pass asks again.
 */
public class TaskKiller {

    private static final Logger log = LoggerFactory.getLogger(TaskKiller.class);

    private final TaskStore tasks;
    private final AgentDirectory directory;
    private final AgentClient agents;
    private final TaskTransitions transitions;
    private final Clock clock;

    public TaskKiller(TaskStore tasks, AgentDirectory directory, AgentClient agents, TaskTransitions transitions, Clock clock) {
        this.tasks = tasks;
        this.directory = directory;
        this.agents = agents;
        this.transitions = transitions;
        this.clock = clock;
    }

    public void kill(TaskRecord task) {
        Optional<TaskRecord> marked = tasks.update(task.app(), task.taskId(), TaskRecord::withKillRequested);
        if (marked.isEmpty() || marked.get().state().isTerminal()) {
            return;
        }
        Optional<AgentInfo> agent = directory.info(task.agentId());
        if (agent.isEmpty()) {
            markKilled(marked.get(), "agent " + task.agentId() + " is not registered");
            return;
        }
        try {
            if (agents.kill(agent.get(), task.taskId()).isEmpty()) {
                markKilled(marked.get(), "unknown to its agent");
            }
        } catch (AgentUnreachableException e) {
            log.warn("Could not ask agent {} to kill {} (retried on the next pass): {}", task.agentId(), task.taskId(), e.getMessage());
        }
    }

    private void markKilled(TaskRecord before, String why) {
        tasks.update(before.app(), before.taskId(), r -> r.state().isTerminal() ? r
                        : r.withState(TaskState.TASK_KILLED, clock.instant(), why, null))
                .filter(after -> after.state() != before.state())
                .ifPresent(after -> transitions.changed(before, after));
    }
}
