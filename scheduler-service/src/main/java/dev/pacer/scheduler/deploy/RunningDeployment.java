package dev.pacer.scheduler.deploy;

/**
 * A stored deployment, the step it is at (1-based) and whether its canaries were promoted. What that means
 * for each app (held at a canary, blue-green old set kept) is its {@link DeploymentStrategy}'s to say.
 *
 * @param switchedAt epoch ms of the blue-green traffic switch, null before
 * @param openedAt   epoch ms when the blue-green new set was let into traffic, null before
 */
public record RunningDeployment(DeploymentPlan plan, int currentStep, boolean promoted, Long switchedAt, Long openedAt) {

    public String id() {
        return plan.id();
    }

    /** Held at its canaries until promoted. */
    public boolean paused() {
        return plan.hasCanary() && !promoted;
    }
}
