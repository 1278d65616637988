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
 */
public record Desired(int instances, Instant configVersion, KillOrder killSelection,
                      Duration inactiveAfter, Duration expungeAfter, boolean deleting) {

    /** Marathon's {@code killSelection}. */
    public enum KillOrder { YOUNGEST_FIRST, OLDEST_FIRST }
}
