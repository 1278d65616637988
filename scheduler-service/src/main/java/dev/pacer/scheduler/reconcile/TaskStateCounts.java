package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.task.TaskState;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Tasks by state as this instance's reconcile passes last saw them: each pass replaces its app's counts
 * (from the task records it loads anyway), so a scrape reads totals kept in memory and never scans Redis.
 * Apps whose shard this instance no longer holds, and apps forgotten after their deletion, drop out, so
 * the sum over every scheduler instance is the cluster's figure. Between two passes of an app the figure
 * can lag by up to the resync interval.
 */
class TaskStateCounts {

    private static final TaskState[] STATES = TaskState.values();

    private final ConcurrentHashMap<AppId, int[]> byApp = new ConcurrentHashMap<>();
    private final AtomicLongArray totals = new AtomicLongArray(STATES.length);
    private final Predicate<AppId> owned;
    private final LongSupplier nanoTime;
    private final long sweepEveryNanos;
    private final AtomicLong lastSweep = new AtomicLong();

    /**
     * @param owned      whether this instance holds the app's shard
     * @param sweepEvery how often, at most, a read drops apps of shards no longer held
     */
    public TaskStateCounts(Predicate<AppId> owned, LongSupplier nanoTime, Duration sweepEvery) {
        this.owned = owned;
        this.nanoTime = nanoTime;
        this.sweepEveryNanos = sweepEvery.toNanos();
        this.lastSweep.set(nanoTime.getAsLong());
    }

    /** The app's task records as a pass loaded them. */
    public void observed(AppId app, List<TaskRecord> tasks) {
        int[] counts = new int[STATES.length];
        tasks.forEach(t -> counts[t.state().ordinal()]++);
        byApp.compute(app, (id, old) -> {
            add(old, -1);
            add(counts, 1);
            return counts;
        });
    }

    /** The app is no longer reconciled here (deleted and gone, or its shard moved). */
    public void forget(AppId app) {
        byApp.computeIfPresent(app, (id, old) -> {
            add(old, -1);
            return null;
        });
    }

    /** Tasks in {@code state} over the apps this instance reconciles. */
    public long count(TaskState state) {
        sweepIfDue();
        return totals.get(state.ordinal());
    }

    private void sweepIfDue() {
        long now = nanoTime.getAsLong();
        long last = lastSweep.get();
        if (now - last >= sweepEveryNanos && lastSweep.compareAndSet(last, now)) {
            byApp.keySet().forEach(app -> {
                if (!owned.test(app)) {
                    forget(app);
                }
            });
        }
    }

    private void add(int[] counts, int sign) {
        if (counts == null) {
            return;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                totals.addAndGet(i, (long) sign * counts[i]);
            }
        }
    }
}
