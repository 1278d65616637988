package dev.pacer.agent.discovery;

import dev.pacer.agent.node.AgentNode;
import dev.pacer.contract.discovery.AppDiscovery;
import dev.pacer.contract.discovery.InstanceChange;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import dev.pacer.contract.task.TaskStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Eureka's view of this agent's tasks true: a running task is registered {@code STARTING} until
 * every health check is alive ({@code UP} at once when it has none), {@code DOWN} when it turns
 * unhealthy after that, {@code OUT_OF_SERVICE} from the moment it is being killed (or while its app
 * version is denied traffic: a blue-green deployment's set before or after its switch), and removed when it
 * ended. Leases are renewed every tick; an instance Eureka forgot (a restart, an expired lease) is
 * registered again with its current status.
 *
 * <p>Inputs only enqueue work: every Eureka call runs on one worker thread, so a slow Eureka never
 * slows the task runtime, and the calls for one task happen in order. After each change Eureka took,
 * an {@link InstanceChange} is announced so that gateways re-read that app at once.
 */
public final class TaskRegistrar {

    static final String STARTING = "STARTING";
    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

    private static final Logger log = LoggerFactory.getLogger(TaskRegistrar.class);

    private final EurekaRestClient eureka;
    private final TaskHealthReader health;
    private final Function<String, Optional<LaunchRequest>> requests;
    private final Consumer<InstanceChange> announcer;
    private final AgentNode node;
    private final DiscoveryProperties properties;
    private final ExecutorService worker;
    private final Clock clock;
    private final Map<String, TaskInstance> instances = new HashMap<>();
    private volatile int registered;
    private boolean eurekaDown;

    TaskRegistrar(EurekaRestClient eureka, TaskHealthReader health, Function<String, Optional<LaunchRequest>> requests,
                  Consumer<InstanceChange> announcer, AgentNode node, DiscoveryProperties properties,
                  ExecutorService worker, Clock clock) {
        this.eureka = eureka;
        this.health = health;
        this.requests = requests;
        this.announcer = announcer;
        this.node = node;
        this.properties = properties;
        this.worker = worker;
        this.clock = clock;
    }

    /** A task changed state (from the task runtime). Never blocks. */
    public void taskStatus(TaskStatus status) {
        run(() -> apply(status));
    }

    /**
     * Takes a task that is about to be killed out of service: OUT_OF_SERVICE in Eureka and announced,
     * waited for at most {@code drainTimeout}, then {@code drainGrace} more if it was UP (so that
     * gateways stop routing to it before its process is signalled). Called on the killing thread.
     */
    public void drain(String taskId) {
        CompletableFuture<Boolean> drained = new CompletableFuture<>();
        run(() -> {
            TaskInstance instance = instances.get(taskId);
            boolean wasUp = instance != null && UP.equals(instance.current);
            if (instance != null && !instance.draining) {
                instance.draining = true;
                instance.desired = OUT_OF_SERVICE;
                sync(instance);
            }
            drained.complete(wasUp && instance != null && OUT_OF_SERVICE.equals(instance.current));
        });
        try {
            if (drained.get(properties.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                Thread.sleep(properties.drainGrace().toMillis());
            }
        } catch (TimeoutException | ExecutionException e) {
            log.debug("Task {} killed before it was out of service in Eureka", taskId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A health check of some task changed (a hint: the result is read from Redis). Never blocks. */
    public void healthChanged(String taskId) {
        run(() -> {
            TaskInstance instance = instances.get(taskId);
            if (instance != null) {
                refreshHealth(instance);
                sync(instance);
            }
        });
    }

    /** The app's denied versions changed (blue-green switch): its healthy tasks go UP or OUT_OF_SERVICE at once. */
    public void trafficChanged(String appId) {
        run(() -> {
            for (TaskInstance instance : List.copyOf(instances.values())) {
                if (instance.appId().equals(appId)) {
                    refreshHealth(instance);
                    sync(instance);
                }
            }
        });
    }

    /** Renews every lease, re-reads health, and repairs whatever Eureka missed. */
    public void tick() {
        run(() -> {
            for (TaskInstance instance : List.copyOf(instances.values())) {
                refreshHealth(instance);
                if (instance.registered() && instance.desired.equals(instance.current)) {
                    renew(instance);
                } else {
                    sync(instance);
                }
            }
        });
    }

    int registered() {
        return registered;
    }

    private void apply(TaskStatus status) {
        TaskState state = status.state();
        TaskInstance instance = instances.get(status.taskId());
        if (state.isTerminal()) {
            if (instances.remove(status.taskId()) != null) {
                cancel(instance);
            }
            return;
        }
        if (state == TaskState.TASK_RUNNING && instance == null) {
            Optional<LaunchRequest> request = requests.apply(status.taskId());
            if (request.isEmpty()) {
                return;
            }
            instance = newInstance(request.get());
            instances.put(instance.taskId(), instance);
            instance.desired = STARTING;
            refreshHealth(instance);
        } else if (state == TaskState.TASK_KILLING && instance != null) {
            instance.draining = true;
            instance.desired = OUT_OF_SERVICE;
        }
        if (instance != null) {
            sync(instance);
        }
    }

    private TaskInstance newInstance(LaunchRequest request) {
        AppId app = AppId.parse(request.appId());
        Map<String, String> metadata = new HashMap<>();
        metadata.put(AppDiscovery.META_APP_ID, app.toString());
        metadata.put(AppDiscovery.META_APP_VERSION, request.version());
        metadata.put(AppDiscovery.META_ZONE, node.zone());
        metadata.put(AppDiscovery.META_AGENT_ID, node.id().value());
        int port = request.ports().isEmpty() ? 0 : request.ports().get(0);
        return new TaskInstance(request.taskId(), app.toString(), AppDiscovery.eurekaAppName(app), node.host(), port,
                StatusPage.url(properties.apiUrl(), app, node.host(), port), request.healthChecks().size(), metadata, seconds(properties.renewInterval().toMillis()),
                seconds(properties.leaseDuration().toMillis()));
    }

    private void refreshHealth(TaskInstance instance) {
        if (instance.draining) {
            return;
        }
        boolean healthy;
        try {
            healthy = instance.healthChecks() == 0 || health.healthy(instance.appId(), instance.taskId(), instance.healthChecks());
        } catch (RuntimeException e) {
            log.debug("Health of {} unreadable, kept as it was: {}", instance.taskId(), e.toString());
            return;
        }
        if (healthy) {
            instance.everUp = true;
            instance.desired = health.deniedVersions(instance.appId()).contains(instance.metadata().get(AppDiscovery.META_APP_VERSION))
                    ? OUT_OF_SERVICE : UP;
        } else {
            instance.desired = instance.everUp ? DOWN : STARTING;
        }
    }

    private void sync(TaskInstance instance) {
        try {
            if (!instance.registered()) {
                register(instance);
            } else if (!instance.desired.equals(instance.current)) {
                if (!eureka.status(instance, instance.desired)) {
                    register(instance);
                } else {
                    instance.current = instance.desired;
                }
            } else {
                return;
            }
            eurekaBack();
            announce(instance, instance.current);
        } catch (EurekaUnavailableException e) {
            eurekaDown(e);
        }
    }

    private void register(TaskInstance instance) {
        eureka.register(instance, instance.desired, clock.millis());
        if (instance.desired.equals(UP) || instance.desired.equals(OUT_OF_SERVICE)) {
            // an earlier status override of the same instance would otherwise win over the registration
            eureka.status(instance, instance.desired);
        }
        if (instance.current == null) {
            registered++;
        }
        instance.current = instance.desired;
    }

    private void renew(TaskInstance instance) {
        try {
            if (!eureka.renew(instance)) {
                log.info("Eureka had forgotten {}; registering it again as {}", instance.taskId(), instance.desired);
                registered--;
                instance.current = null;
                sync(instance);
            } else {
                eurekaBack();
            }
        } catch (EurekaUnavailableException e) {
            eurekaDown(e);
        }
    }

    private void cancel(TaskInstance instance) {
        if (!instance.registered()) {
            return;
        }
        registered--;
        try {
            eureka.cancel(instance);
            announce(instance, InstanceChange.REMOVED);
        } catch (EurekaUnavailableException e) {
            eurekaDown(e); // the lease expires on its own
        }
    }

    private void announce(TaskInstance instance, String status) {
        try {
            announcer.accept(new InstanceChange(instance.appId(), instance.taskId(), status, clock.millis()));
        } catch (RuntimeException e) {
            log.debug("Instance change of {} not announced (gateways resync): {}", instance.taskId(), e.toString());
        }
    }

    private void eurekaDown(EurekaUnavailableException e) {
        if (!eurekaDown) {
            eurekaDown = true;
            log.warn("Eureka unreachable; task instances are retried every {}: {}", properties.renewInterval(), e.getMessage());
        }
    }

    private void eurekaBack() {
        if (eurekaDown) {
            eurekaDown = false;
            log.info("Eureka reachable again");
        }
    }

    private void run(Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Task instance registration failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Registrar stopped; dropped {}", work);
        }
    }

    private static int seconds(long millis) {
        return (int) Math.max(1, (millis + 999) / 1000);
    }
}
