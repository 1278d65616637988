package dev.pacer.scheduler.app.service;

/**
 * What Marathon's deployable calls answer: {@code {"deploymentId","version"}}, plus the
 * {@code Marathon-Deployment-Id} header. Until deployments are tracked (the Deployments issue) the
 * id names the change; the app converges to it without a deployment record.
 */
public record DeploymentResult(String deploymentId, String version) {
}
