package dev.pacer.scheduler.health;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.scheduler.events.EventLog;
import dev.pacer.scheduler.reconcile.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health on the event log, in Marathon's shapes: {@code health_status_changed_event} for each
 * transition the health-service publishes (written by the scheduler that owns the app's shard, so
 * once), and {@code unhealthy_instance_kill_event} for each kill the wrapped policy decides
 * (Marathon 1.11's name; {@code unhealthy_task_kill_event} was its pre-1.5 name).
 */
public class HealthEvents implements HealthKills {

    private final HealthKills policy;
    private final EventLog log;

    public HealthEvents(HealthKills policy, EventLog log) {
        this.policy = policy;
        this.log = log;
    }

    @Override
    public Decision decide(AppSpec spec, List<TaskRecord> candidates, List<TaskRecord> observed,
                           Map<String, List<HealthResult>> results) {
        Decision decision = policy.decide(spec, candidates, observed, results);
        for (TaskRecord task : decision.kills()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("appId", task.appId());
            event.put("taskId", task.taskId());
            event.put("instanceId", task.taskId());
            event.put("version", task.version());
            event.put("reason", "Health check failed maxConsecutiveFailures times");
            event.put("host", task.host());
            event.put("slaveId", task.agentId());
            log.append("unhealthy_instance_kill_event", event, List.of(task.appId()));
        }
        return decision;
    }

    /** A transition between alive and not alive (not the "exceeded" notice, which is no change of health). */
    public void transition(HealthTransition t) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("appId", t.appId());
        event.put("instanceId", t.taskId());
        event.put("version", t.version());
        event.put("alive", t.alive());
        log.append("health_status_changed_event", event, List.of(t.appId()));
    }
}
