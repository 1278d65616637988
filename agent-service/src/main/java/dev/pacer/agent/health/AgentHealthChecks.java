package dev.pacer.agent.health;

import dev.pacer.agent.task.TaskEnvironment;
import dev.pacer.agent.task.TaskListener;
import dev.pacer.boot.work.BoundedWork;
import dev.pacer.contract.health.HealthCounting;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the agent-side checks ({@code COMMAND}, {@code MESOS_HTTP}, {@code MESOS_HTTPS},
 * {@code MESOS_TCP}) of the tasks of this agent while they run: started when a task is reported
 * {@code TASK_RUNNING} (also after the agent re-attached it), stopped when it is being killed or ended.
 * Each check fires every {@code intervalSeconds} (first after {@code delaySeconds}); probes run on a
 * small pool with a bounded queue (a check whose probe is still running or finds the queue full skips
 * its turn: never counted as a failure). Results follow Marathon's counting ({@link HealthCounting}) and
 * go into the same hash as health-service's ({@link HealthKeys#taskHealth}); transitions on the same channel.
 * Simulated tasks (no process) are not checked.
 */
public final class AgentHealthChecks implements TaskListener, BoundedWork, AutoCloseable {

    static final Set<String> PROTOCOLS = Set.of(HealthCheck.COMMAND, HealthCheck.MESOS_HTTP, HealthCheck.MESOS_HTTPS,
            HealthCheck.MESOS_TCP);
    private static final Logger log = LoggerFactory.getLogger(AgentHealthChecks.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final String host;
    private final MeterRegistry registry;
    private final int workers;
    private final int capacity;
    private final ScheduledExecutorService timer;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<String, List<ScheduledFuture<?>>> byTask = new ConcurrentHashMap<>();
    private volatile boolean redisFailing;
    private volatile java.util.function.Function<String, List<String>> besideTask = taskId -> List.of();

    public AgentHealthChecks(StringRedisTemplate redis, JsonMapper json, Clock clock, String host, MeterRegistry registry,
                             int workers, int capacity) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.host = host;
        this.registry = registry;
        this.workers = workers;
        this.capacity = capacity;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pacer-agent-health-timer"));
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                r -> daemon(r, "pacer-agent-health-" + n.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void changed(LaunchRequest request, AgentTask task) {
        if (task.state() == TaskState.TASK_RUNNING && task.pid() != null) {
            if (!byTask.containsKey(task.taskId())) {
                start(request, task);
            }
        } else if (task.state() != TaskState.TASK_STAGING && task.state() != TaskState.TASK_STARTING) {
            stop(task.taskId());
        }
    }

    /** What a task's COMMAND checks are prefixed with, by task id (its cgroups and user when isolated). */
    public void besideTask(java.util.function.Function<String, List<String>> prefix) {
        this.besideTask = prefix;
    }

    /** Tasks whose checks run now. */
    public int tasksChecked() {
        return byTask.size();
    }

    private synchronized void start(LaunchRequest request, AgentTask task) {
        List<HealthCheck> checks = request.healthChecks();
        List<ScheduledFuture<?>> futures = new ArrayList<>();
        Path sandbox = task.sandbox() == null ? null : Path.of(task.sandbox());
        Map<String, String> env = TaskEnvironment.build(request, System.getenv(), host, sandbox);
        Instant startedAt = task.startedAt() != null ? task.startedAt() : clock.instant();
        List<String> beside = besideTask.apply(task.taskId());
        for (int i = 0; i < checks.size(); i++) {
            HealthCheck check = checks.get(i);
            if (check.protocol() == null || !PROTOCOLS.contains(check.protocol())) {
                continue;
            }
            Check c = new Check(request, i, check, port(check, request.ports()), sandbox, env, startedAt, beside);
            long interval = Math.max(1000, seconds(check.intervalSeconds(), 60) * 1000L);
            long delay = Math.max(0, startedAt.plusSeconds(seconds(check.delaySeconds(), 15)).toEpochMilli()
                    - clock.millis());
            futures.add(timer.scheduleAtFixedRate(c::fire, delay, interval, TimeUnit.MILLISECONDS));
        }
        if (!futures.isEmpty()) {
            byTask.put(task.taskId(), futures);
        }
    }

    private void stop(String taskId) {
        List<ScheduledFuture<?>> futures = byTask.remove(taskId);
        if (futures != null) {
            futures.forEach(f -> f.cancel(false));
        }
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

    private static int seconds(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private final class Check {
        final LaunchRequest request;
        final int index;
        final HealthCheck check;
        final Integer port;
        final Path sandbox;
        final Map<String, String> env;
        final Instant startedAt;
        final List<String> beside;
        final String instanceId;
        final AtomicBoolean running = new AtomicBoolean();
        volatile HealthResult current;

        Check(LaunchRequest request, int index, HealthCheck check, Integer port, Path sandbox, Map<String, String> env,
              Instant startedAt, List<String> beside) {
            this.beside = beside;
            this.request = request;
            this.index = index;
            this.check = check;
            this.port = port;
            this.sandbox = sandbox;
            this.env = env;
            this.startedAt = startedAt;
            String instance;
            try {
                instance = TaskId.parse(request.taskId()).instanceId();
            } catch (IllegalArgumentException e) {
                instance = request.taskId();
            }
            this.instanceId = instance;
        }

        void fire() {
            if (!running.compareAndSet(false, true)) {
                count("skipped");
                return;
            }
            try {
                pool.execute(this::probe);
            } catch (RejectedExecutionException e) {
                running.set(false);
                count("skipped");
            }
        }

        void probe() {
            busy.incrementAndGet();
            try {
                Duration timeout = Duration.ofSeconds(Math.max(1, seconds(check.timeoutSeconds(), 20)));
                String cause = AgentProbe.run(check, port, sandbox, env, timeout, beside);
                count(cause == null ? "healthy" : "unhealthy");
                if (!byTask.containsKey(request.taskId())) {
                    return;
                }
                HealthCounting.Step step = HealthCounting.probe(current, request.appId(), request.taskId(), instanceId, index,
                        request.version(), cause == null, cause, clock.instant(), startedAt,
                        seconds(check.gracePeriodSeconds(), 300), seconds(check.maxConsecutiveFailures(), 3));
                if (step.result() != null) {
                    current = step.result();
                    write(step);
                }
            } finally {
                busy.decrementAndGet();
                running.set(false);
            }
        }

        private void write(HealthCounting.Step step) {
            try {
                redis.opsForHash().put(HealthKeys.taskHealth(AppId.parse(request.appId())),
                        HealthKeys.field(request.taskId(), index), json.writeValueAsString(step.result()));
                if (step.transition() != null) {
                    redis.convertAndSend(HealthKeys.TRANSITIONS, json.writeValueAsString(step.transition()));
                }
                redisFailing = false;
            } catch (RuntimeException e) {
                if (!redisFailing) {
                    log.warn("Cannot write health results to Redis (the next probe writes again): {}", e.toString());
                    redisFailing = true;
                }
            }
        }

        private void count(String result) {
            Counter.builder("pacer.agent.health.checks").tag("protocol", check.protocol()).tag("result", result)
                    .description("Agent-side health probes by protocol and result").register(registry).increment();
        }
    }

    @Override
    public String name() {
        return "agent-health-checks";
    }

    @Override
    public int queued() {
        return pool.getQueue().size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public int busy() {
        return busy.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
