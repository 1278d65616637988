package dev.pacer.scheduler.app.service;

/**
 * What Marathon's deployable calls answer: {@code {"deploymentId","version"}}, plus the
 * {@code Marathon-Deployment-Id} header. The id names the deployment that {@code GET /v2/deployments}
 * shows until the change has converged.
 */
public record DeploymentResult(String deploymentId, String version) {
}
