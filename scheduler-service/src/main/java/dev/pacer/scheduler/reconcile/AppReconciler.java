package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.LogContext;
import java.time.Duration;
import java.util.Optional;

/**
 * One reconcile pass for one app: observe ({@link AppObserver}), plan ({@link AppPlanner}, pure), apply
 * ({@link PlanExecutor}), with the id of the deployment holding the app in the logs' MDC. Answers when to look at
 * the app again (empty: only the resync and hints bring it back).
 */
class AppReconciler {

    private final AppObserver observer;
    private final AppPlanner planner;
    private final PlanExecutor executor;

    /** Drops a deleted app whose tasks are all gone from its shard. */
    public interface AppForgetter {
        void forget(AppId app);
    }

    public AppReconciler(AppObserver observer, AppPlanner planner, PlanExecutor executor) {
        this.observer = observer;
        this.planner = planner;
        this.executor = executor;
    }

    public Optional<Duration> reconcile(AppId app) {
        Observation seen = observer.observe(app);
        return LogContext.withDeployment(seen.held().deploymentId(), () -> executor.apply(seen, planner.plan(seen)));
    }
}
