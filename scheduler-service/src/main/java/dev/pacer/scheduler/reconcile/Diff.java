package dev.pacer.scheduler.reconcile;

import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.List;

/**
 * What the diff of desired and observed tasks asks of one pass ({@link ReconcileDiff}): launch {@code launches} new tasks, kill {@code kills},
 * forget {@code expunge} (terminal records, and unreachable ones past {@code expungeAfter}).
 */
public record Diff(int launches, List<TaskRecord> kills, List<TaskRecord> expunge) {

    public Diff {
        kills = List.copyOf(kills);
        expunge = List.copyOf(expunge);
    }

    public boolean isEmpty() {
        return launches == 0 && kills.isEmpty() && expunge.isEmpty();
    }
}
