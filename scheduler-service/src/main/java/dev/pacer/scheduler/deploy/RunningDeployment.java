package dev.pacer.scheduler.deploy;

/**
 * A stored deployment, the step it is at (1-based) and whether its canaries were promoted.
 */
public record RunningDeployment(DeploymentPlan plan, int currentStep, boolean promoted, Long switchedAt, Long openedAt) {

    public String id() {
        return plan.id();
    }

    /** Held at its canaries until promoted. */
    public boolean paused() {
        return plan.hasCanary() && !promoted;
    }

    /** The canary size of the app while the deployment is paused, else -1. */
    public int canaryOf(String app) {
        Integer size = plan.canaries().get(app);
        return paused() && size != null ? size : -1;
    }

    /**
     * A blue-green app keeps its old set until {@code keepOldSeconds} after the traffic switch (and,
     * before the switch, starts its complete new set beside it).
     */
    public boolean holdsOldSet(String app, long nowMillis) {
        Integer keep = plan.blueGreen().get(app);
        return keep != null && (switchedAt == null || nowMillis < switchedAt + keep * 1000L);
    }
}
