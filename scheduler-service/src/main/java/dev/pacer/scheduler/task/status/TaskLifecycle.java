package dev.pacer.scheduler.task.status;

import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.agent.AgentClient;
import dev.pacer.scheduler.agent.AgentDirectory;
import dev.pacer.scheduler.agent.AgentUnreachableException;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.placement.claim.AgentClaims;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.work.AppHints;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a task's change of state: a task that ended frees its claim on the agent; one that
 * failed on its own (not killed) pushes the app's launch backoff out; every change wakes the app's reconciler
 * ({@link TaskTimings} counts them). A task an agent runs but the scheduler has no record of is killed.
 */
public class TaskLifecycle implements TaskTransitions {

    private static final Logger log = LoggerFactory.getLogger(TaskLifecycle.class);

    private final AgentClaims claims;
    private final BackoffStore backoffs;
    private final Function<AppId, Optional<AppSpec>> specs;
    private final AppHints hints;
    private final AgentDirectory directory;
    private final AgentClient agents;
    private final Clock clock;

    public TaskLifecycle(AgentClaims claims, BackoffStore backoffs, Function<AppId, Optional<AppSpec>> specs,
                         AppHints hints, AgentDirectory directory, AgentClient agents, Clock clock) {
        this.claims = claims;
        this.backoffs = backoffs;
        this.specs = specs;
        this.hints = hints;
        this.directory = directory;
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    public void changed(TaskRecord before, TaskRecord after) {
        if (after.state().isTerminal()) {
            claims.release(AgentId.parse(after.agentId()), TaskId.parse(after.taskId()));
            if (after.state().isFailure() && !after.killRequested()) {
                specs.apply(after.app()).ifPresent(spec -> backoffs.put(after.app(),
                        backoffs.get(after.app()).afterFailure(clock.instant(), spec.backoffSeconds(),
                                spec.backoffFactor(), spec.maxLaunchDelaySeconds())));
            }
        }
        hints.publish(after.app());
    }

    @Override
    public void unknownTask(AppId app, TaskStatus status) {
        if (status.state().isTerminal()) {
            return;
        }
        directory.info(status.agentId()).ifPresent(agent -> {
            try {
                agents.kill(agent, status.taskId());
                log.info("Killed task {} on agent {}: the scheduler has no record of it", status.taskId(), status.agentId());
            } catch (AgentUnreachableException e) {
                log.warn("Could not kill unknown task {} on agent {}: {}", status.taskId(), status.agentId(), e.getMessage());
            }
        });
    }
}
