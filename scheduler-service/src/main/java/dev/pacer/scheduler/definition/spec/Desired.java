package dev.pacer.scheduler.definition.spec;

import java.time.Duration;
import java.time.Instant;

/**
 * What an app asks for, as far as the reconciler's diff cares.
 *
 * @param configVersion  tasks launched before this (the app's {@code lastConfigChangeAt}) run an
 *                       outdated definition and are replaced
 * @param inactiveAfter  an unreachable task stops counting (a replacement starts) after this long
 * @param expungeAfter   an unreachable task is forgotten after this long
 * @param deleting       the app is being deleted: every task goes
 * @param launchTimeout  a task still staging this long after it was placed is given up and replaced
 *                       (its agent never started it, or the scheduler died between placing and launching)
 * @param minimumHealthCapacity  share of {@code instances} kept healthy while outdated tasks are replaced
 * @param maximumOverCapacity    share of {@code instances} that may run on top of them meanwhile
 * @param canary                 while a deployment is held at a canary: how many current tasks may run
 *                               (every outdated one stays); -1 otherwise
 */
public record Desired(int instances, Instant configVersion, KillOrder killSelection,
                      Duration inactiveAfter, Duration expungeAfter, boolean deleting, Duration launchTimeout,
                      double minimumHealthCapacity, double maximumOverCapacity, int canary) {

    public static final Duration DEFAULT_LAUNCH_TIMEOUT = Duration.ofMinutes(5);

    public Desired(int instances, Instant configVersion, KillOrder killSelection,
                   Duration inactiveAfter, Duration expungeAfter, boolean deleting) {
        this(instances, configVersion, killSelection, inactiveAfter, expungeAfter, deleting, DEFAULT_LAUNCH_TIMEOUT, 1.0, 1.0, -1);
    }

    public Desired withLaunchTimeout(Duration timeout) {
        return new Desired(instances, configVersion, killSelection, inactiveAfter, expungeAfter, deleting, timeout,
                minimumHealthCapacity, maximumOverCapacity, canary);
    }

    /** Marathon's {@code upgradeStrategy}. */
    public Desired withUpgradeStrategy(double minimumHealthCapacity, double maximumOverCapacity) {
        return new Desired(instances, configVersion, killSelection, inactiveAfter, expungeAfter, deleting, launchTimeout,
                minimumHealthCapacity, maximumOverCapacity, canary);
    }

    /** Held at a canary of {@code size} new tasks ({@code -1}: not held). */
    public Desired withCanary(int size) {
        return new Desired(instances, configVersion, killSelection, inactiveAfter, expungeAfter, deleting, launchTimeout,
                minimumHealthCapacity, maximumOverCapacity, size);
    }

    /** Healthy tasks a replacement never goes below: {@code ceil(minimumHealthCapacity × instances)}. */
    public int minimumHealthy() {
        return (int) Math.ceil(minimumHealthCapacity * instances - 1e-9);
    }

    /** Tasks a replacement never goes above: {@code floor((1 + maximumOverCapacity) × instances)}. */
    public int maximumTotal() {
        return Math.max(instances, (int) Math.floor((1 + maximumOverCapacity) * instances + 1e-9));
    }

    /** Marathon's {@code killSelection}. */
    public enum KillOrder { YOUNGEST_FIRST, OLDEST_FIRST }
}
