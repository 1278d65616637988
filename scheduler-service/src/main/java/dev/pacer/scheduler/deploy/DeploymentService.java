package dev.pacer.scheduler.deploy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.LogContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, lists and ends deployments. A change is started here before it is written: its apps are
 * locked (409 while another deployment holds one, unless {@code force} cancels that deployment),
 * then the caller stores the new definitions. Deployments of different apps never block each other.
 */
public class DeploymentService {

    private static final Logger log = LoggerFactory.getLogger(DeploymentService.class);
    private static final int START_ATTEMPTS = 5;

    private final DeploymentStore store;
    private final DeploymentMetrics metrics;
    private final DeploymentEvents events;
    private final TrafficGate traffic;
    private final Clock clock;

    public DeploymentService(DeploymentStore store, DeploymentMetrics metrics, DeploymentEvents events, TrafficGate traffic,
                             Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.events = events;
        this.traffic = traffic;
        this.clock = clock;
    }

    /**
     * Locks the apps of {@code steps} and stores the deployment. Without {@code force}, a running
     * deployment on any of them is a 409 naming it; with it, those deployments are cancelled (no
     * rollback) and this one takes their place.
     */
    public DeploymentPlan begin(List<List<DeploymentAction>> steps, String version, boolean force, String rollbackOf) {
        return begin(steps, version, force, rollbackOf, Map.of(), 0, Map.of());
    }

    /**
     * @param canaries           app id → canary size: those apps' changes pause after that many new tasks
     * @param autoRevertSeconds  roll back by itself when the new tasks are not healthy after this long (0: never)
     */
    public DeploymentPlan begin(List<List<DeploymentAction>> steps, String version, boolean force, String rollbackOf,
                                Map<String, Integer> canaries, int autoRevertSeconds,
                                Map<String, Integer> blueGreen) {
        long now = clock.millis();
        DeploymentPlan plan = new DeploymentPlan(UUID.randomUUID().toString(), version, now, steps, rollbackOf, canaries,
                autoRevertSeconds > 0 ? now + autoRevertSeconds * 1000L : 0, blueGreen);
        return LogContext.withDeployment(plan.id(), () -> start(plan, force));
    }

    /**
     * A forced change takes the locks of the deployments it cancels in the same atomic step as it stores
     * itself, then ends them: their apps are never unlocked in between, when a reconcile pass would act on
     * a definition without the deployment that bounds it (a canary's hold). A rollback takes over the
     * deployment it rolls back the same way; its caller ends that one with its own reason.
     */
    private DeploymentPlan start(DeploymentPlan plan, boolean force) {
        Set<String> replacing = new LinkedHashSet<>();
        if (plan.rollbackOf() != null) {
            replacing.add(plan.rollbackOf());
        }
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            List<String> holders = store.start(plan, replacing);
            if (holders.isEmpty()) {
                replacing.stream().filter(id -> !id.equals(plan.rollbackOf())).forEach(id -> store.get(id)
                        .ifPresent(d -> end(d.plan(), "cancelled by a forced change " + plan.id())));
                metrics.started(plan);
                events.stepStarted(plan, 1);
                log.info("Deployment {} started: {} step(s), apps {}", plan.id(), plan.totalSteps(), abbreviated(plan.affectedApps()));
                if (plan.steps().stream().allMatch(List::isEmpty)) {
                    // Marathon: a plan without a step (nothing changed) finishes at once and is never listed
                    end(plan, "finished: nothing to change");
                }
                return plan;
            }
            if (!force) {
                throw new ApiException(409, ErrorBody.locked(holders));
            }
            replacing.addAll(holders);
        }
        throw ApiException.conflict("Could not take over the deployments of %s; try again", abbreviated(plan.affectedApps()));
    }

    /** 409 naming the deployments that hold any of the apps. */
    public void requireUnlocked(List<String> apps) {
        List<String> holders = store.locksOf(apps).values().stream().distinct().toList();
        if (!holders.isEmpty()) {
            throw new ApiException(409, ErrorBody.locked(holders));
        }
    }

    /** The deployments holding the given apps, by app id. */
    public Map<String, String> locksOf(Collection<String> apps) {
        return store.locksOf(apps);
    }

    /** Ends a deployment whose change could not be stored (the request failed after {@link #begin}). */
    public void abort(DeploymentPlan plan) {
        end(plan, "aborted: its change was not stored");
    }

    public List<RunningDeployment> list() {
        return store.all();
    }

    /** The apps the current step of every running deployment waits on. */
    public Collection<String> currentStepApps() {
        return store.all().stream().flatMap(d -> d.plan().step(d.currentStep()).stream()).map(DeploymentAction::app).toList();
    }

    public Optional<RunningDeployment> find(String id) {
        return store.get(id);
    }

    public RunningDeployment require(String id) {
        return store.get(id).orElseThrow(() -> ApiException.notFound("DeploymentPlan %s does not exist", id));
    }

    /** {@code POST /v2/deployments/{id}/promote}: a deployment held at its canaries goes on. */
    public RunningDeployment promote(String id) {
        RunningDeployment running = require(id);
        if (!running.plan().hasCanary()) {
            throw ApiException.conflict("Deployment %s has no canary to promote", id);
        }
        if (!store.promote(id)) {
            throw ApiException.notFound("DeploymentPlan %s does not exist", id);
        }
        LogContext.withDeployment(id, () -> log.info("Deployment {} promoted: the canaries of {} are replaced by a full rollout",
                id, running.plan().canaries().keySet()));
        return require(id);
    }

    /** Announces that {@code step} of a running deployment is done and, unless it was the last, that {@code next} starts. */
    public void stepDone(DeploymentPlan plan, int step, int next) {
        events.stepSucceeded(plan, step);
        if (next <= plan.totalSteps()) {
            events.stepStarted(plan, next);
        }
    }

    /** Marathon's {@code app_terminated_event}: every instance of a deleted app is gone. */
    public void appTerminated(String app) {
        events.appTerminated(app);
    }

    /** Ends a deployment: releases its locks and forgets it. */
    public boolean end(DeploymentPlan plan, String why) {
        return LogContext.withDeployment(plan.id(), () -> endNow(plan, why));
    }

    private boolean endNow(DeploymentPlan plan, String why) {
        int step = why.startsWith("finished") ? 0 : store.get(plan.id()).map(RunningDeployment::currentStep).orElse(0);
        boolean ended = store.end(plan);
        // whatever way a blue-green deployment ends, every remaining task gets traffic again
        plan.blueGreen().keySet().forEach(app -> traffic.allowAll(AppId.parse(app)));
        if (ended) {
            String outcome = why.startsWith("finished") ? "finished" : why.startsWith("cancel") ? "cancelled"
                    : why.startsWith("auto-reverted") ? "auto-reverted" : "abandoned";
            metrics.ended(outcome, Duration.ofMillis(Math.max(0, clock.millis() - plan.startedAt())));
            if (outcome.equals("finished")) {
                events.succeeded(plan);
            } else {
                if (step >= 1) {
                    events.stepFailed(plan, step);
                }
                events.failed(plan, outcome);
            }
            log.info("Deployment {} {}", plan.id(), why);
        }
        return ended;
    }

    private static String abbreviated(List<String> apps) {
        return apps.size() <= 5 ? apps.toString() : apps.subList(0, 5) + " and " + (apps.size() - 5) + " more";
    }
}
