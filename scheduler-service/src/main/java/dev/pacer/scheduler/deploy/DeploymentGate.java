package dev.pacer.scheduler.deploy;

import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from what a reconcile pass observed, what the deployment holding the app does next — one
 * {@link StepDecision}, carried out by {@link DeploymentProgress}. A pure function (no store, no clock, no
 * log), so every rule is tested directly. The rules shared by every strategy live here: the app's turn,
 * activation of a later step, when an action is done, auto-revert; the app's {@link DeploymentStrategy}
 * adds its own (canary pause, blue-green traffic).
 *
 * <p>An action is done when the app runs exactly {@code instances} tasks of its target config, all running
 * and healthy, and nothing else (stop: no task left). A change that was started but never stored (the
 * scheduler died in between) is given up after {@link #UNSTORED_GRACE}; a change superseded by a newer
 * version counts as done — a deployment is never left holding its locks.
 */
final class DeploymentGate {

    static final Duration UNSTORED_GRACE = Duration.ofSeconds(60);
    /** The reason of an auto-revert (its prefix names the outcome: {@code DeploymentService#end}). */
    static final String AUTO_REVERTED = "auto-reverted: new tasks not healthy by the deadline";

    private DeploymentGate() {
    }

    /** What the deployment does after a pass of {@code appId}, which it holds. */
    public static StepDecision decide(RunningDeployment deployment, String appId, Optional<AppSpec> spec, List<TaskRecord> tasks,
                                      Set<String> healthy, Instant now) {
        DeploymentPlan plan = deployment.plan();
        if (plan.stepOf(appId).orElse(0) != deployment.currentStep()) {
            return new StepDecision.Idle();
        }
        DeploymentAction action = plan.actionOf(appId).orElseThrow();
        PassObservation pass = new PassObservation(deployment, action, spec, tasks, healthy, now);
        StepDecision gate = DeploymentStrategy.of(plan, appId).gate(pass);
        return needsActivation(action, spec) ? new StepDecision.Activate(action, gate) : gate;
    }

    /** The version the deployment's current step writes for the app; null for a later step or a deletion. */
    public static String targetOf(RunningDeployment deployment, String appId) {
        Optional<DeploymentAction> action = deployment.plan().actionOf(appId);
        if (action.isEmpty() || action.get().action() == DeploymentAction.Type.StopApplication
                || deployment.plan().stepOf(appId).orElse(0) != deployment.currentStep()) {
            return null;
        }
        return action.get().version();
    }

    /**
     * A step after the first writes nothing when the deployment starts: when its turn comes the
     * target version is made current, or the app deleted. Also repairs a first step whose write was
     * cut short after its version was stored.
     */
    static boolean needsActivation(DeploymentAction action, Optional<AppSpec> spec) {
        if (action.action() == DeploymentAction.Type.StopApplication) {
            return spec.isPresent() && action.previousVersion() != null
                    && !Instant.parse(spec.get().version()).isAfter(Instant.parse(action.previousVersion()));
        }
        return spec.isEmpty() ? action.action() == DeploymentAction.Type.StartApplication
                : Instant.parse(spec.get().version()).isBefore(Instant.parse(action.version()));
    }

    /** The rolling rule, every strategy's last: done (or given up) once converged, else wait — or auto-revert. */
    static StepDecision converge(PassObservation pass) {
        Optional<StepDecision> finished = finished(pass);
        if (finished.isPresent()) {
            return finished.get();
        }
        return shouldRevert(pass) ? new StepDecision.Revert(AUTO_REVERTED) : new StepDecision.Wait();
    }

    /** Done or GiveUp when the action needs nothing more; empty while the app converges. */
    private static Optional<StepDecision> finished(PassObservation pass) {
        DeploymentAction action = pass.action();
        Optional<AppSpec> spec = pass.spec();
        Optional<StepDecision> done = Optional.of(new StepDecision.Done(action));
        if (action.action() == DeploymentAction.Type.StopApplication) {
            // re-created since: not ours
            return (spec.isEmpty() ? pass.active().isEmpty() : !needsActivation(action, spec)) ? done : Optional.empty();
        }
        boolean graceOver = pass.now().isAfter(pass.startedAt().plus(UNSTORED_GRACE));
        if (spec.isEmpty()) {
            // deleted since, or a new app whose version was never stored
            return action.action() != DeploymentAction.Type.StartApplication || graceOver ? done : Optional.empty();
        }
        Instant stored = Instant.parse(spec.get().version());
        Instant target = Instant.parse(action.version());
        if (stored.isAfter(target)) {
            return done; // superseded by a newer change
        }
        if (stored.isBefore(target)) {
            return graceOver ? Optional.of(new StepDecision.GiveUp(action)) : Optional.empty();
        }
        List<TaskRecord> active = pass.active();
        Instant configVersion = spec.get().configVersion();
        boolean converged = active.size() == spec.get().instances() && active.stream().allMatch(t ->
                !t.killRequested() && pass.runsHealthy(t) && t.runsConfig(configVersion));
        return converged ? done : Optional.empty();
    }

    /**
     * Auto-revert (opt-in): past the deadline, a change whose new tasks are not all running and
     * healthy — or that has none running — rolls back. Rollbacks themselves never auto-revert.
     */
    static boolean shouldRevert(PassObservation pass) {
        DeploymentPlan plan = pass.plan();
        if (plan.autoRevertAt() <= 0 || plan.rollbackOf() != null || pass.now().toEpochMilli() < plan.autoRevertAt()
                || pass.spec().isEmpty()) {
            return false;
        }
        List<TaskRecord> fresh = pass.fresh();
        return fresh.isEmpty() || fresh.stream().anyMatch(t -> !pass.runsHealthy(t));
    }
}
