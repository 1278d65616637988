package dev.pacer.boot.health;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One probe of one check in {@link ProbeSlots}, from its turn until its answer (or its timeout) is counted: what
 * lets a late answer be told from a first one ({@link #over}) and a hung probe from a running one
 * ({@link #overdue}).
 */
final class ProbeAttempt<T extends ScheduledCheck> {

    final CheckLoop<T> loop;
    /** Set once the attempt is counted or given up: any later answer is dropped. */
    final AtomicBoolean over = new AtomicBoolean();
    /** -1 while it waits for a slot or a dispatcher thread. */
    volatile long startedMillis = -1;
    volatile long startedNanos;

    ProbeAttempt(CheckLoop<T> loop) {
        this.loop = loop;
    }

    /** Started, and its check's timeout has passed by {@code nowMillis}. */
    boolean overdue(long nowMillis) {
        long started = startedMillis;
        return started >= 0 && nowMillis - started >= loop.check().timeout().toMillis();
    }
}
