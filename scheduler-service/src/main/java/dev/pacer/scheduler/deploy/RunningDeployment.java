package dev.pacer.scheduler.deploy;

/** A stored deployment and the step it is at (1-based). */
public record RunningDeployment(DeploymentPlan plan, int currentStep) {

    public String id() {
        return plan.id();
    }
}
