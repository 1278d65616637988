package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.ExecutorResources;
import dev.pacer.contract.marathon.app.ResourceLimits;

/** Validation of the resources an app asks for: instances, cpus, mem, disk, gpus, executor resources, limits, roles. */
final class ResourceRules {

    private ResourceRules() {
    }

    static void validate(AppDefinition app, Violations v) {
        v.atLeast("/instances", app.instances(), 0);
        v.atLeast("/cpus", app.cpus(), 0.001);
        v.atLeast("/mem", app.mem(), 0);
        v.atLeast("/disk", app.disk(), 0);
        v.atLeast("/gpus", app.gpus(), 0);
        v.check(app.gpus() == null || app.gpus() == 0 || app.container() == null || !app.container().isDockerEngine(),
                "/", "GPU resources only work with the Mesos containerizer");
        ExecutorResources executor = app.executorResources();
        if (executor != null) {
            v.atLeast("/executorResources/cpus", executor.cpus(), 0.1);
            v.atLeast("/executorResources/mem", executor.mem(), 32);
            v.atLeast("/executorResources/disk", executor.disk(), 10);
        }
        ResourceLimits limits = app.resourceLimits();
        if (limits != null) {
            limitAtLeast(v, "/resourceLimits/cpus", limits.cpus(), app.cpus(), "cpus");
            limitAtLeast(v, "/resourceLimits/mem", limits.mem(), app.mem(), "mem");
        }
        v.check(app.role() == null || !app.role().isEmpty(), "/role", "must not be empty");
        v.check(app.acceptedResourceRoles() == null || !app.acceptedResourceRoles().isEmpty(),
                "/acceptedResourceRoles", "must not be empty");
    }

    private static void limitAtLeast(Violations v, String path, ResourceLimits.Limit limit, Double requested, String name) {
        if (limit != null && !limit.isUnlimited()) {
            v.finite(path, limit.value());
        }
        if (limit != null && !limit.isUnlimited() && requested != null) {
            v.check(limit.value() >= requested, path,
                    "must be greater than or equal to the requested " + name + " (" + Violations.number(requested) + ")");
        }
    }
}
