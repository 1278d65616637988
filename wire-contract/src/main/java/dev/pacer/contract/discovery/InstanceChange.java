package dev.pacer.contract.discovery;

import java.util.Objects;

/**
 * Published on {@link AppDiscovery#INSTANCE_CHANGES} by an agent after it registered, changed the
 * status of, or removed a task's instance in Eureka.
 *
 * @param status Eureka status after the change ({@code STARTING}, {@code UP}, {@code DOWN},
 *               {@code OUT_OF_SERVICE}), or {@code REMOVED}
 * @param at     epoch milliseconds of the change
 */
public record InstanceChange(String appId, String taskId, String status, long at) {

    public static final String REMOVED = "REMOVED";

    public InstanceChange {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
    }
}
