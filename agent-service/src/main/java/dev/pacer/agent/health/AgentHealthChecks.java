package dev.pacer.agent.health;

import dev.pacer.agent.task.TaskEnvironment;
import dev.pacer.agent.task.TaskListener;
import dev.pacer.boot.health.CheckTimer;
import dev.pacer.boot.health.HealthCheckEngine;
import dev.pacer.contract.health.HealthCounting;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the agent-side checks ({@code COMMAND}, {@code MESOS_HTTP}, {@code MESOS_HTTPS},
 * {@code MESOS_TCP}) of the tasks of this agent while they run: started when a task is reported
 * {@code TASK_RUNNING} (also after the agent re-attached it), stopped when it is being killed or ended.
 * The loop is service-autoconfigure's {@link HealthCheckEngine} (one group per task): each check fires
 * every {@code intervalSeconds} (first after {@code delaySeconds}); probes run on a small pool
 * ({@link AgentProber}) with a bounded queue (a check whose probe is still running or finds the queue full
 * skips its turn: never counted as a failure). Results follow Marathon's counting ({@link HealthCounting}) and
 * go into the same hash as health-service's ({@link HealthKeys#taskHealth}); transitions on the same channel
 * ({@link AgentHealthWriter}). What is the agent's own: which checks, Marathon's defaults, the port a task
 * holds, the task's environment, and running a {@code COMMAND} as the task runs. Simulated tasks (no
 * process) are not checked.
 */
public final class AgentHealthChecks implements TaskListener, AutoCloseable {

    static final Set<String> PROTOCOLS = Set.of(HealthCheck.COMMAND, HealthCheck.MESOS_HTTP, HealthCheck.MESOS_HTTPS,
            HealthCheck.MESOS_TCP);

    private final Clock clock;
    private final String host;
    private final AgentProber prober;
    private final HealthCheckEngine<AgentCheck> engine;
    private volatile Function<String, List<String>> besideTask = taskId -> List.of();

    AgentHealthChecks(AgentHealthWriter writer, Clock clock, String host, int workers, int capacity) {
        this.clock = clock;
        this.host = host;
        this.prober = new AgentProber(workers);
        this.engine = new HealthCheckEngine<>(prober, writer, writer, clock, CheckTimer.onThread("pacer-agent-health-timer"),
                new HealthCheckEngine.Settings("agent-health-checks", Duration.ofSeconds(1), workers, capacity, false));
    }

    @Override
    public void changed(LaunchRequest request, AgentTask task) {
        if (task.state() == TaskState.TASK_RUNNING && task.pid() != null) {
            start(request, task);
        } else if (task.state() != TaskState.TASK_STAGING && task.state() != TaskState.TASK_STARTING) {
            engine.remove(task.taskId());
        }
    }

    /** What a task's COMMAND checks are prefixed with, by task id (its cgroups and user when isolated). */
    public void besideTask(Function<String, List<String>> prefix) {
        this.besideTask = prefix;
    }

    /** Tasks whose checks run now. */
    public int tasksChecked() {
        return engine.groups().size();
    }

    /** The probe queue, for readiness. */
    HealthCheckEngine<AgentCheck> engine() {
        return engine;
    }

    private synchronized void start(LaunchRequest request, AgentTask task) {
        if (engine.checking(task.taskId())) {
            return;
        }
        List<HealthCheck> checks = request.healthChecks();
        Path sandbox = task.sandbox() == null ? null : Path.of(task.sandbox());
        Map<String, String> env = TaskEnvironment.build(request, System.getenv(), host, sandbox);
        Instant startedAt = task.startedAt() != null ? task.startedAt() : clock.instant();
        List<String> beside = besideTask.apply(task.taskId());
        String instanceId = instanceId(request.taskId());
        List<AgentCheck> wanted = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            HealthCheck check = checks.get(i);
            if (check.protocol() == null || !PROTOCOLS.contains(check.protocol())) {
                continue;
            }
            wanted.add(new AgentCheck(request.appId(), request.taskId(), instanceId, i, request.version(),
                    check.protocol(), Duration.ofSeconds(seconds(check.intervalSeconds(), 60)),
                    Duration.ofSeconds(Math.max(1, seconds(check.timeoutSeconds(), 20))),
                    Duration.ofSeconds(seconds(check.delaySeconds(), 15)), seconds(check.gracePeriodSeconds(), 300),
                    seconds(check.maxConsecutiveFailures(), 3), startedAt, check, port(check, request.ports()), sandbox,
                    env, beside));
        }
        engine.sync(task.taskId(), wanted);
    }

    /**
     * {@code ports[portIndex]} of the task, or the literal {@code port} when the task holds it: any other
     * port on this host belongs to something else (the agent itself, Redis, another task) and is never
     * probed ("no port").
     */
    static Integer port(HealthCheck check, List<Integer> ports) {
        if (check.port() != null) {
            return ports.contains(check.port()) ? check.port() : null;
        }
        int index = check.portIndex() == null ? 0 : check.portIndex();
        return index >= 0 && index < ports.size() ? ports.get(index) : null;
    }

    private static String instanceId(String taskId) {
        try {
            return TaskId.parse(taskId).instanceId();
        } catch (IllegalArgumentException e) {
            return taskId;
        }
    }

    private static int seconds(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public void close() {
        engine.close();
        prober.close();
    }
}
