package dev.pacer.scheduler.deploy;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.LogContext;
import dev.pacer.scheduler.work.AppHints;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import dev.pacer.contract.task.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves deployments forward from the reconcile passes of their apps — no deployment has an owner
 * process that could die with it. After each pass of a locked app, the app's action in the current
 * step is checked; when it is done it is recorded (one script), the last one of a step advances
 * the step, the last step ends the deployment and frees its locks. Whichever scheduler holds the
 * app's shard does this, so a deployment survives any scheduler restart and resumes where it was.
 *
 * <p>An action is done when the app runs exactly {@code instances} tasks of its target version,
 * all running and healthy, and nothing else (stop: no task left). A change that was started but
 * never stored (the scheduler died in between) is given up after {@link #UNSTORED_GRACE}; a change
 * superseded by a newer version counts as done — a deployment is never left holding its locks.
 */
public class DeploymentProgress implements DeploymentHook {

    static final Duration UNSTORED_GRACE = Duration.ofSeconds(60);
    /** Blue-green: how long both sets serve before the old one is taken out (discovery reaches gateways in ≤ 2 s). */
    static final Duration SWITCH_SETTLE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(DeploymentProgress.class);

    private final DeploymentStore store;
    private final DeploymentService service;
    private final DeploymentActivator activator;
    private final AppHints hints;
    private final TrafficGate traffic;
    private final java.time.Clock clock;

    public DeploymentProgress(DeploymentStore store, DeploymentService service, DeploymentActivator activator, AppHints hints,
                              TrafficGate traffic, java.time.Clock clock) {
        this.store = store;
        this.service = service;
        this.activator = activator;
        this.hints = hints;
        this.traffic = traffic;
        this.clock = clock;
    }

    @Override
    public Held held(AppId app) {
        String appId = app.toString();
        Optional<String> lock = store.lockOf(appId);
        if (lock.isEmpty()) {
            return Held.NONE;
        }
        Optional<RunningDeployment> deployment = store.get(lock.get());
        return new HeldBy(lock.get(), deployment.orElse(null), deployment.map(d -> canaryOf(d, appId)).orElse(-1),
                deployment.map(d -> targetOf(d, appId)).orElse(null));
    }

    /** The version the deployment's current step writes for the app; null for a later step or a deletion. */
    static String targetOf(RunningDeployment deployment, String appId) {
        Optional<DeploymentAction> action = deployment.plan().actionOf(appId);
        if (action.isEmpty() || action.get().action() == DeploymentAction.Type.StopApplication
                || deployment.plan().stepOf(appId).orElse(0) != deployment.currentStep()) {
            return null;
        }
        return action.get().version();
    }

    /** The lock on an app and the deployment it names ({@code null}: the deployment is gone, the lock stale). */
    private record HeldBy(String lock, RunningDeployment deployment, int canary, String target) implements Held {

        @Override
        public String deploymentId() {
            return lock;
        }
    }

    @Override
    public boolean afterPass(AppId app, Held held, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                             Instant now) {
        if (!(held instanceof HeldBy by)) {
            return false;
        }
        return LogContext.withDeployment(by.lock(), () -> advance(app, by, spec, tasks, healthy, now));
    }

    private boolean advance(AppId app, HeldBy by, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                            Instant now) {
        String appId = app.toString();
        if (by.deployment() == null) {
            store.releaseStale(appId, by.lock());
            return false;
        }
        RunningDeployment deployment = by.deployment();
        DeploymentPlan plan = deployment.plan();
        int step = plan.stepOf(appId).orElse(0);
        if (step != deployment.currentStep()) {
            return false;
        }
        DeploymentAction action = plan.actionOf(appId).orElseThrow();
        if (needsActivation(action, spec) && activator.activate(action)) {
            return true;
        }
        if (deployment.paused() && plan.canaries().containsKey(appId)) {
            return false; // held at its canaries until promoted; the promote wakes the app
        }
        if (plan.blueGreen().containsKey(appId) && spec.isPresent() && !unstored(action, spec.get())) {
            if (deployment.switchedAt() == null) {
                switchWhenReady(deployment, spec.get(), tasks, healthy, now);
                if (!shouldRevert(plan, spec, tasks, healthy, now)) {
                    return true;
                }
            } else if (deployment.holdsOldSet(appId, now.toEpochMilli())) {
                return true; // the old set stays, stopped, for an instant switch back until keepOldSeconds
            }
        }
        if (!isDone(action, spec, tasks, healthy, now, Instant.ofEpochMilli(plan.startedAt()))) {
            if (shouldRevert(plan, spec, tasks, healthy, now)) {
                log.warn("Deployment {}: the new tasks of {} are not healthy after the auto-revert deadline; rolling back", plan.id(), appId);
                String rollback = activator.revert(plan.id(), "auto-reverted: new tasks not healthy by the deadline");
                log.info("Deployment {} auto-reverted by deployment {}", plan.id(), rollback);
                return false;
            }
            return true;
        }
        int after = store.complete(deployment, appId);
        if (action.action() == DeploymentAction.Type.StopApplication) {
            service.appTerminated(appId);
        }
        if (after > step) {
            service.stepDone(plan, step, after);
        }
        if (after > plan.totalSteps()) {
            service.end(plan, "finished");
        } else if (after > step) {
            log.info("Deployment {} at step {} of {}", plan.id(), after, plan.totalSteps());
            plan.step(after).forEach(a -> hints.publish(AppId.parse(a.app())));
        }
        return false;
    }

    /**
     * The change is started but not stored yet (the request that began it is still writing): the stored
     * definition is the one it replaces, and its tasks are not the "new set" of anything.
     */
    static boolean unstored(DeploymentAction action, AppSpec spec) {
        return Instant.parse(spec.version()).isBefore(Instant.parse(action.version()));
    }

    private int canaryOf(RunningDeployment deployment, String appId) {
        int canary = deployment.canaryOf(appId);
        if (canary >= 0) {
            return canary;
        }
        // blue-green: the complete new set beside every old task, until the old set's time is up
        return deployment.holdsOldSet(appId, clock.millis()) ? Integer.MAX_VALUE : -1;
    }

    /**
     * Blue-green: once exactly {@code instances} new tasks run healthy, the new set is let into traffic
     * (both sets serve for {@link #SWITCH_SETTLE}, longer than discovery takes to reach the gateways, so
     * no gateway ever finds the app without an instance), then the old versions are denied at once and
     * the switch time is recorded.
     */
    private void switchWhenReady(RunningDeployment deployment, AppSpec spec, List<TaskRecord> tasks, Set<String> healthy,
                                 Instant now) {
        List<TaskRecord> active = tasks.stream().filter(t -> t.isActive() && !t.killRequested()).toList();
        List<TaskRecord> fresh = active.stream()
                .filter(t -> t.runsConfig(spec.configVersion())).toList();
        boolean ready = fresh.size() >= spec.instances()
                && fresh.stream().filter(t -> t.state() == TaskState.TASK_RUNNING && healthy.contains(t.taskId())).count() >= spec.instances();
        if (!ready) {
            return;
        }
        if (deployment.openedAt() == null) {
            traffic.allowAll(spec.id());
            store.markOpened(deployment.id(), now.toEpochMilli());
            return;
        }
        if (now.toEpochMilli() < deployment.openedAt() + SWITCH_SETTLE.toMillis()) {
            return;
        }
        Set<String> old = new java.util.TreeSet<>();
        active.stream().filter(t -> !fresh.contains(t)).forEach(t -> old.add(t.version()));
        old.remove(spec.version());
        fresh.forEach(t -> old.remove(t.version()));
        traffic.deny(spec.id(), old);
        if (store.markSwitched(deployment.id(), now.toEpochMilli())) {
            log.info("Deployment {}: traffic of {} switched to its new set ({} tasks); old versions {} held for {} s",
                    deployment.id(), spec.id(), fresh.size(), old, deployment.plan().blueGreen().get(spec.id().toString()));
        }
    }

    /**
     * Auto-revert (opt-in): past the deadline, a change whose new tasks are not all running and
     * healthy — or that has none running — rolls back. Rollbacks themselves never auto-revert.
     */
    static boolean shouldRevert(DeploymentPlan plan, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy, Instant now) {
        if (plan.autoRevertAt() <= 0 || plan.rollbackOf() != null || now.toEpochMilli() < plan.autoRevertAt() || spec.isEmpty()) {
            return false;
        }
        List<TaskRecord> fresh = tasks.stream().filter(t -> t.isActive() && !t.killRequested()
                && t.runsConfig(spec.get().configVersion())).toList();
        return fresh.isEmpty() || fresh.stream().anyMatch(t -> t.state() != TaskState.TASK_RUNNING || !healthy.contains(t.taskId()));
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

    static boolean isDone(DeploymentAction action, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                          Instant now, Instant started) {
        List<TaskRecord> active = tasks.stream().filter(TaskRecord::isActive).toList();
        if (action.action() == DeploymentAction.Type.StopApplication) {
            return spec.isEmpty() ? active.isEmpty() : !needsActivation(action, spec); // re-created since: not ours
        }
        if (spec.isEmpty()) {
            // deleted since, or a new app whose version was never stored
            return action.action() != DeploymentAction.Type.StartApplication || now.isAfter(started.plus(UNSTORED_GRACE));
        }
        Instant stored = Instant.parse(spec.get().version());
        Instant target = Instant.parse(action.version());
        if (stored.isAfter(target)) {
            return true; // superseded by a newer change
        }
        if (stored.isBefore(target)) {
            if (now.isAfter(started.plus(UNSTORED_GRACE))) {
                log.warn("Deployment action {} of {} gives up: version {} was never stored", action.action(), action.app(), target);
                return true;
            }
            return false;
        }
        Instant configVersion = spec.get().configVersion();
        return active.size() == spec.get().instances() && active.stream().allMatch(t ->
                !t.killRequested() && t.state() == TaskState.TASK_RUNNING && healthy.contains(t.taskId())
                        && t.runsConfig(configVersion));
    }
}
