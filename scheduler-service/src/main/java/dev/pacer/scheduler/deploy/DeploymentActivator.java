package dev.pacer.scheduler.deploy;

/**
 * Carries out an action of a step that was not written when its deployment started: a later step's
 * new version is made current, a later step's app is deleted.
 */
public interface DeploymentActivator {

    /** @return true when something changed (the app converges next), false when there was nothing to do */
    boolean activate(DeploymentAction action);

    /** Cancels the deployment and starts the one that takes its apps back (as {@code DELETE /v2/deployments/{id}}). */
    String revert(String deploymentId, String why);
}
