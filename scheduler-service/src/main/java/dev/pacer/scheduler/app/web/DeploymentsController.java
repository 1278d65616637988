package dev.pacer.scheduler.app.web;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.app.service.AppService;
import dev.pacer.scheduler.app.service.DeploymentResult;
import dev.pacer.scheduler.deploy.DeploymentAction;
import dev.pacer.scheduler.deploy.DeploymentPlan;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.deploy.RunningDeployment;
import dev.pacer.scheduler.reconcile.ReadinessProbes;
import dev.pacer.scheduler.web.Embed;
import dev.pacer.scheduler.work.AppHints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/deployments} and {@code DELETE /v2/deployments/{id}} (reference §3.3, §6), in Marathon
 * 1.10's shape: actions carry {@code action} (Marathon 1.3+; the {@code type} of Marathon 1.1 is gone).
 */
@RestController
class DeploymentsController {

    private final DeploymentService deployments;
    private final AppService apps;
    private final AppHints hints;
    private final ReadinessProbes readiness;

    DeploymentsController(DeploymentService deployments, AppService apps, AppHints hints,
                          ReadinessProbes readiness) {
        this.deployments = deployments;
        this.apps = apps;
        this.hints = hints;
        this.readiness = readiness;
    }

    /** Marathon's keys; Pacer's {@code pacer} object (canary phase, auto-revert deadline…) with {@code ?embed=pacer}. */
    @GetMapping({ApiPaths.V2_DEPLOYMENTS, ApiPaths.V2_DEPLOYMENTS + "/"})
    List<Map<String, Object>> list(@RequestParam(required = false) List<String> embed) {
        boolean pacer = Embed.pacer(embed);
        return deployments.list().stream().map(d -> info(d, readiness, pacer)).toList();
    }

    /** Rollback by default (200 with the rollback's DeploymentResult); {@code force=true}: stop, 202. */
    @DeleteMapping(ApiPaths.V2_DEPLOYMENTS + "/{id}")
    ResponseEntity<?> cancel(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force) {
        RunningDeployment running = deployments.require(id);
        if (force) {
            deployments.end(running.plan(), "cancelled without rollback");
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        }
        DeploymentResult rollback = apps.revertDeployment(id, "cancelled with rollback");
        return ResponseEntity.ok().header("Marathon-Deployment-Id", rollback.deploymentId()).body(rollback);
    }

    /** Pacer: a deployment held at its canaries goes on with the full rollout. */
    @PostMapping(ApiPaths.V2_DEPLOYMENTS + "/{id}/promote")
    Map<String, Object> promote(@PathVariable String id) {
        RunningDeployment promoted = deployments.promote(id);
        promoted.plan().canaries().keySet().forEach(app -> hints.publish(AppId.parse(app)));
        return info(promoted, readiness, true);
    }

    static Map<String, Object> info(RunningDeployment running, ReadinessProbes readiness,
                                    boolean withPacer) {
        DeploymentPlan plan = running.plan();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", plan.id());
        info.put("version", plan.version());
        info.put("affectedApps", plan.affectedApps());
        info.put("affectedPods", List.of());
        List<Map<String, Object>> steps = new ArrayList<>();
        plan.steps().forEach(step -> steps.add(Map.of("actions", step.stream().map(a -> action(a)).toList())));
        info.put("steps", steps);
        List<DeploymentAction> current = plan.step(running.currentStep());
        Map<AppId, Map<String, ReadinessProbes.Result>> results =
                readiness.results(current.stream().map(a -> AppId.parse(a.app())).toList());
        info.put("currentActions", current.stream().map(a -> {
            Map<String, Object> json = action(a);
            json.put("readinessCheckResults", List.copyOf(results.get(AppId.parse(a.app())).values()));
            return json;
        }).toList());
        info.put("currentStep", Math.min(running.currentStep(), plan.totalSteps()));
        info.put("totalSteps", plan.totalSteps());
        if (withPacer && (plan.hasCanary() || plan.autoRevertAt() > 0 || plan.rollbackOf() != null)) {
            Map<String, Object> pacer = new LinkedHashMap<>();
            if (plan.hasCanary()) {
                pacer.put("phase", running.paused() ? "canary" : "promoted");
                pacer.put("canaries", plan.canaries());
            }
            if (plan.autoRevertAt() > 0) {
                pacer.put("autoRevertAt", Timestamp.format(Instant.ofEpochMilli(plan.autoRevertAt())));
            }
            if (plan.rollbackOf() != null) {
                pacer.put("rollbackOf", plan.rollbackOf());
            }
            info.put("pacer", pacer);
        }
        return info;
    }

    private static Map<String, Object> action(DeploymentAction action) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", action.action().name());
        json.put("app", action.app());
        return json;
    }
}
