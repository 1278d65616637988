package dev.pacer.scheduler.health;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.events.HealthCheckFields;
import dev.pacer.scheduler.events.InstanceIds;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Health on the event log, in Marathon's shapes, for each transition the health-service publishes
 * (written by the scheduler that owns the app's shard, so once): {@code health_status_changed_event}
 * and {@code instance_health_changed_event} when a check changes between alive and not alive,
 * {@code failed_health_check_event} (with the check, from the app's version) for each failure the
 * scheduler learns of — the first failure after a success and the one that reaches
 * {@code maxConsecutiveFailures}: only transitions reach the scheduler, never every failed probe —
 * and {@code unhealthy_instance_kill_event} for each kill the wrapped policy decides (Marathon 1.11's
 * name; {@code unhealthy_task_kill_event} was its pre-1.5 name).
 */
class HealthEvents implements HealthKills {

    /** The health check of an app at a version, by index (empty when the version or the check is gone). */
    @FunctionalInterface
    public interface Checks {
        Optional<HealthCheck> of(AppId app, String version, int checkIndex);
    }

    private final HealthKills policy;
    private final EventLog log;
    private final TaskHealthStore store;
    private final Checks checks;

    public HealthEvents(HealthKills policy, EventLog log, TaskHealthStore store, Checks checks) {
        this.policy = policy;
        this.log = log;
        this.store = store;
        this.checks = checks;
    }

    @Override
    public Decision admit(AppSpec spec, UnhealthyTasks verdict, List<TaskRecord> observed,
                          Map<String, List<HealthResult>> results) {
        Decision decision = policy.admit(spec, verdict, observed, results);
        for (TaskRecord task : decision.kills()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("appId", task.appId());
            event.put("taskId", task.taskId());
            event.put("instanceId", InstanceIds.of(task.taskId()));
            event.put("version", task.version());
            event.put("reason", "Health check failed maxConsecutiveFailures times");
            event.put("host", task.host());
            event.put("slaveId", task.agentId());
            log.append("unhealthy_instance_kill_event", event, List.of(task.appId()));
        }
        return decision;
    }

    /**
     * A published transition: a change between alive and not alive, or the "exceeded" notice (no change
     * of health, but a failure).
     */
    public void transition(HealthTransition t) {
        String instanceId = InstanceIds.of(t.taskId());
        List<String> apps = List.of(t.appId());
        if (!t.exceeded()) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("appId", t.appId());
            status.put("instanceId", instanceId);
            status.put("version", t.version());
            status.put("alive", t.alive());
            log.append("health_status_changed_event", status, apps);
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("instanceId", instanceId);
            instance.put("runSpecId", t.appId());
            instance.put("runSpecVersion", t.version());
            instance.put("healthy", instanceHealthy(t));
            log.append("instance_health_changed_event", instance, apps);
        }
        if (!t.alive()) {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("appId", t.appId());
            failed.put("taskId", instanceId);
            HealthCheckFields.put(failed, check(t));
            log.append("failed_health_check_event", failed, apps);
        }
    }

    /** The instance is healthy when every check of it is: a check turning alive says so only if the others are too. */
    private boolean instanceHealthy(HealthTransition t) {
        if (!t.alive()) {
            return false;
        }
        List<HealthResult> results = store.ofApp(AppId.parse(t.appId())).get(t.taskId());
        return results == null || results.isEmpty() || TaskHealth.healthy(results);
    }

    private HealthCheck check(HealthTransition t) {
        return t.version() == null ? null : checks.of(AppId.parse(t.appId()), t.version(), t.checkIndex()).orElse(null);
    }
}
