package dev.pacer.scheduler.deploy;

import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.events.EventLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployment events in Marathon's shape on the event log: {@code deployment_info} when a step starts
 * (the first one when the deployment starts), {@code deployment_step_success} when a step is done,
 * {@code deployment_success} when it finishes, {@code deployment_failed} (with {@code reason}) and
 * {@code deployment_step_failure} when it is cancelled, abandoned or rolls back by itself.
 *
 * <p>The plan is Marathon's light plan ({@code id}, {@code version}, {@code steps[].actions[]} of
 * {@code action} and {@code app}) with {@code original} and {@code target} as root-group stubs
 * ({@code id}, the target's {@code version}): references only, never groups or definitions. A plan too large for one event
 * keeps its first actions and says {@code "pacer":{"truncated":true,"affectedApps":N}}.
 */
public class DeploymentEvents {

    /** Room left for the plan in a 4 KiB event: the rest is keys, timestamp and the current step. */
    static final int PLAN_BUDGET = RedisKeys.EVENT_MAX_BYTES - 1024;

    private final EventLog log;

    public DeploymentEvents(EventLog log) {
        this.log = log;
    }

    void stepStarted(DeploymentPlan plan, int step) {
        log.append("deployment_info", withStep(plan, step), plan.affectedApps());
    }

    void stepSucceeded(DeploymentPlan plan, int step) {
        log.append("deployment_step_success", withStep(plan, step), plan.affectedApps());
    }

    void stepFailed(DeploymentPlan plan, int step) {
        log.append("deployment_step_failure", withStep(plan, step), plan.affectedApps());
    }

    void succeeded(DeploymentPlan plan) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", plan.id());
        putPlan(event, plan);
        log.append("deployment_success", event, plan.affectedApps());
    }

    void failed(DeploymentPlan plan, String reason) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", plan.id());
        putPlan(event, plan);
        event.put("reason", reason);
        log.append("deployment_failed", event, plan.affectedApps());
    }

    void appTerminated(String app) {
        log.append("app_terminated_event", Map.of("appId", app), List.of(app));
    }

    private static Map<String, Object> withStep(DeploymentPlan plan, int step) {
        Map<String, Object> event = new LinkedHashMap<>();
        putPlan(event, plan);
        event.put("currentStep", Map.of("actions", step >= 1 && step <= plan.totalSteps()
                ? actions(plan.step(step), PLAN_BUDGET / 4) : List.of()));
        return event;
    }

    private static void putPlan(Map<String, Object> event, DeploymentPlan plan) {
        Map<String, Object> light = new LinkedHashMap<>();
        light.put("id", plan.id());
        List<Map<String, Object>> steps = new ArrayList<>();
        int budget = PLAN_BUDGET / 2;
        boolean truncated = false;
        for (List<DeploymentAction> step : plan.steps()) {
            List<Map<String, String>> actions = actions(step, budget);
            budget -= actions.stream().mapToInt(DeploymentEvents::size).sum();
            if (actions.size() < step.size()) {
                truncated = true;
            }
            if (!actions.isEmpty()) {
                steps.add(Map.of("actions", actions));
            }
            if (truncated) {
                break;
            }
        }
        // root-group stubs: Marathon's plan had original and target groups until 1.8, and clients still read
        // them (marathon-python 0.13 fails on a plan without them); never whole groups
        light.put("original", Map.of("id", "/"));
        light.put("target", Map.of("id", "/", "version", plan.version()));
        light.put("steps", steps);
        light.put("version", plan.version());
        event.put("plan", light);
        if (truncated) {
            event.put("pacer", Map.of("truncated", true, "affectedApps", plan.affectedApps().size()));
        }
    }

    private static List<Map<String, String>> actions(List<DeploymentAction> step, int budget) {
        List<Map<String, String>> actions = new ArrayList<>();
        for (DeploymentAction a : step) {
            Map<String, String> action = Map.of("action", a.action().name(), "app", a.app());
            budget -= size(action);
            if (budget < 0) {
                break;
            }
            actions.add(action);
        }
        return actions;
    }

    /** The JSON size of one action, close enough: {@code {"action":"…","app":"…"},}. */
    private static int size(Map<String, String> action) {
        return 25 + action.get("action").length() + action.get("app").length();
    }
}
