package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.SchedulerMetrics;
import dev.pacer.scheduler.agent.AgentClient;
import dev.pacer.scheduler.agent.AgentRefusedException;
import dev.pacer.scheduler.agent.AgentUnreachableException;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.placement.claim.ClaimResult;
import dev.pacer.scheduler.secrets.GrantIssuer;
import dev.pacer.scheduler.task.status.TaskTransitions;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.scheduler.task.store.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts new tasks of an app: place them (filters, scores), claim each chosen agent's resources
 * atomically, record the task as staging, then ask the agent to run it. A claim declined because
 * another scheduler got there first ends the batch (the next pass places again on fresh data); an
 * agent that cannot be reached, or that refuses the launch (it says why: the message becomes the task's and
 * the app's {@code lastTaskFailure}), fails the task, which frees its claim and counts towards backoff.
 */
public class TaskLauncher {

    private static final Logger log = LoggerFactory.getLogger(TaskLauncher.class);

    /** How many tasks were handed to agents, and why the others could not be placed. */
    public record Result(int launched, Map<String, Integer> declines) {
    }

    private final Placements placements;
    private final TaskStore tasks;
    private final AgentClient agents;
    private final TaskTransitions transitions;
    private final SchedulerMetrics metrics;
    private final Clock clock;
    private final GrantIssuer grants;

    /** @param grants issues each task's secret grant (null: none, for tests of apps without secrets) */
    public TaskLauncher(Placements placements, TaskStore tasks, AgentClient agents, TaskTransitions transitions,
                        SchedulerMetrics metrics, Clock clock, GrantIssuer grants) {
        this.placements = placements;
        this.tasks = tasks;
        this.agents = agents;
        this.transitions = transitions;
        this.metrics = metrics;
        this.clock = clock;
        this.grants = grants;
    }

    public Result launch(AppSpec spec, int count, List<TaskRecord> active) {
        Placements.Placed placed = placements.place(spec, count, active);
        Map<String, Integer> declines = new LinkedHashMap<>(placed.declines());
        int launched = 0;
        for (AgentId agent : placed.chosen()) {
            TaskId id = TaskId.newTask(spec.id());
            ClaimResult claim = placements.claim(agent, id, spec);
            if (!(claim instanceof ClaimResult.Granted granted)) {
                declines.merge(((ClaimResult.Declined) claim).reason(), 1, Integer::sum);
                break;
            }
            AgentInfo info = placed.agents().get(agent).info();
            Instant now = clock.instant();
            TaskRecord record = TaskRecord.staged(id, agent.value(), info.host(), info.zone(), info.region(),
                    spec.version(), granted.claim().ports(), now, spec.configVersion());
            tasks.save(record);
            try {
                agents.launch(info, launchRequest(spec, id, agent, granted.claim().ports()));
                launched++;
                metrics.taskLaunched();
            } catch (AgentRefusedException e) {
                log.warn("Agent {} refused to launch {}: {}", agent, id, e.getMessage());
                failLaunch(spec, record, e.getMessage());
            } catch (AgentUnreachableException e) {
                log.warn("Launching {} on agent {} failed: {}", id, agent, e.getMessage());
                failLaunch(spec, record, "launch failed: agent unreachable");
            }
        }
        return new Result(launched, declines);
    }

    /** The launch did not happen: the task fails with {@code message} (its backoff and {@code lastTaskFailure}). */
    private void failLaunch(AppSpec spec, TaskRecord record, String message) {
        tasks.update(spec.id(), record.taskId(), r -> r.state().isTerminal() ? r
                        : r.withState(TaskState.TASK_FAILED, clock.instant(), message, null))
                .ifPresent(failed -> transitions.changed(record, failed));
    }

    /** Forgets a task record for good and frees what it claimed on its agent. */
    public void expunge(TaskRecord task) {
        tasks.delete(task);
        placements.release(task);
    }

    private LaunchRequest launchRequest(AppSpec spec, TaskId id, AgentId agent, List<Integer> ports) {
        Set<String> paths = new TreeSet<>(spec.secretEnv().values());
        paths.addAll(spec.secretFiles().values());
        String grant = grants == null ? null : grants.issue(id, spec.id(), agent, paths);
        return new LaunchRequest(id.toString(), spec.id().toString(), spec.version(), spec.cmd(), spec.args(),
                spec.env(), spec.labels(), ports, spec.portNames(), spec.resources().cpus(), spec.resources().mem(),
                spec.resources().disk(), spec.killGracePeriodSeconds(), spec.healthChecks(), spec.secretEnv(),
                spec.secretFiles(), grant, spec.user(),
                spec.container() == null ? null : spec.container().withHostPorts(ports));
    }
}
