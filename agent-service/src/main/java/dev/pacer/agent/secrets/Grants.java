package dev.pacer.agent.secrets;

import dev.pacer.contract.task.LaunchRequest;

/** A grant is a credential: it is kept in memory for the launch only, never written to disk. */
public final class Grants {

    private Grants() {
    }

    /** {@code request} without its grant (for checkpoints). */
    public static LaunchRequest withoutGrant(LaunchRequest request) {
        if (request == null || request.secretGrant() == null) {
            return request;
        }
        return new LaunchRequest(request.taskId(), request.appId(), request.version(), request.cmd(), request.args(),
                request.env(), request.labels(), request.ports(), request.portNames(), request.cpus(), request.mem(),
                request.disk(), request.killGracePeriodSeconds(), request.healthChecks(), request.secretEnv(),
                request.secretFiles(), null, request.user(), request.container());
    }
}
