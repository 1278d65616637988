package dev.pacer.scheduler.reconcile;

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
 */
public record Desired(int instances, Instant configVersion, KillOrder killSelection,
                      Duration inactiveAfter, Duration expungeAfter, boolean deleting, Duration launchTimeout) {

    public static final Duration DEFAULT_LAUNCH_TIMEOUT = Duration.ofMinutes(5);

    public Desired(int instances, Instant configVersion, KillOrder killSelection,
                   Duration inactiveAfter, Duration expungeAfter, boolean deleting) {
        this(instances, configVersion, killSelection, inactiveAfter, expungeAfter, deleting, DEFAULT_LAUNCH_TIMEOUT);
    }

    public Desired withLaunchTimeout(Duration timeout) {
        return new Desired(instances, configVersion, killSelection, inactiveAfter, expungeAfter, deleting, timeout);
    }

    /** Marathon's {@code killSelection}. */
    public enum KillOrder { YOUNGEST_FIRST, OLDEST_FIRST }
}
