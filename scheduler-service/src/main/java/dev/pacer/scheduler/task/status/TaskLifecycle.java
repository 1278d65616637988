package dev.pacer.scheduler.task.status;

import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import dev.pacer.scheduler.SchedulerMetrics;
import dev.pacer.scheduler.agent.AgentClient;
import dev.pacer.scheduler.agent.AgentDirectory;
import dev.pacer.scheduler.agent.AgentUnreachableException;
import dev.pacer.scheduler.placement.claim.AgentClaims;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.work.AppHints;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a task's change of state: a task that ended frees its claim on the agent; one that
 * failed on its own (not killed) pushes the app's launch backoff out; every change is counted and
 * wakes the app's reconciler. A task an agent runs but the scheduler has no record of is killed.
 */
public class TaskLifecycle implements TaskTransitions {

    private static final Logger log = LoggerFactory.getLogger(TaskLifecycle.class);

    private final AgentClaims claims;
    private final BackoffStore backoffs;
    private final Function<AppId, Optional<AppSpec>> specs;
    private final AppHints hints;
    private final AgentDirectory directory;
    private final AgentClient agents;
    private final SchedulerMetrics metrics;
    private final Clock clock;
    private final DeployingApps deploying;

    /** @param deploying whether a deployment holds the app now (its tasks count towards launch latency) */
    public TaskLifecycle(AgentClaims claims, BackoffStore backoffs, Function<AppId, Optional<AppSpec>> specs,
                         AppHints hints, AgentDirectory directory, AgentClient agents, SchedulerMetrics metrics, Clock clock,
                         DeployingApps deploying) {
        this.deploying = deploying;
        this.claims = claims;
        this.backoffs = backoffs;
        this.specs = specs;
        this.hints = hints;
        this.directory = directory;
        this.agents = agents;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void changed(TaskRecord before, TaskRecord after) {
        metrics.taskState(after.state());
        if (after.state() == TaskState.TASK_RUNNING && (before == null || before.state() != TaskState.TASK_RUNNING)
                && after.stagedAt() != null) {
            Instant running = after.startedAt() != null ? after.startedAt() : clock.instant();
            Duration took = Duration.between(after.stagedAt(), running);
            metrics.taskStarted(took.isNegative() ? Duration.ZERO : took);
            launchLatency(after, running);
        }
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

    /**
     * From the API call that accepted the change (the task's app version is its timestamp) to RUNNING, for tasks
     * that a deployment waits for; a replacement outside a deployment answers no API call and is not counted.
     */
    private void launchLatency(TaskRecord task, Instant running) {
        if (task.version() == null) {
            return;
        }
        try {
            Duration took = Duration.between(Timestamp.parse(task.version()).instant(), running);
            if (!took.isNegative() && deploying.holds(task.app())) {
                metrics.launchLatency(took);
            }
        } catch (RuntimeException e) {
            log.debug("No launch latency for task {}: {}", task.taskId(), e.getMessage());
        }
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
