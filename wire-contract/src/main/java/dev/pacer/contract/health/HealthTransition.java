package dev.pacer.contract.health;

import java.util.Objects;

/**
 * Published on {@link HealthKeys#TRANSITIONS} when a task's health check changes between alive and
 * not alive, and when a not-alive check first reaches the app's {@code maxConsecutiveFailures}
 * ({@code exceeded} true). Only transitions are published: a steady state costs nothing on the bus.
 *
 * @param at epoch milliseconds of the probe that caused it
 */
public record HealthTransition(String appId, String taskId, int checkIndex, String version, boolean alive,
                               int consecutiveFailures, boolean exceeded, String cause, long at) {

    public HealthTransition {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(taskId, "taskId");
    }
}
