package dev.pacer.scheduler.reconcile;

import dev.pacer.scheduler.task.store.TaskRecord;
import java.util.List;

/**
 * What one reconcile pass does for an app: launch {@code launches} new tasks, kill {@code kills},
 * forget {@code expunge} (terminal records, and unreachable ones past {@code expungeAfter}).
 */
public record Plan(int launches, List<TaskRecord> kills, List<TaskRecord> expunge) {

    public Plan {
        kills = List.copyOf(kills);
        expunge = List.copyOf(expunge);
    }

    public boolean isEmpty() {
        return launches == 0 && kills.isEmpty() && expunge.isEmpty();
    }
}
