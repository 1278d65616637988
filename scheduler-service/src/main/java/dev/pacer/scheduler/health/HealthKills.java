package dev.pacer.scheduler.health;

import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The reconciler's question to the health side: which of these tasks to kill for failing their checks, now. */
public interface HealthKills {

    /**
     * @param candidates the app's active tasks that nothing else is killing
     * @param observed   every task record of the app (health fields of tasks not among them are deleted)
     * @param results    the app's current health results by task id (read once per pass by the reconciler)
     */
    Decision decide(AppSpec spec, List<TaskRecord> candidates, List<TaskRecord> observed,
                    java.util.Map<String, List<dev.pacer.contract.health.HealthResult>> results);

    /** Tasks to kill now, and when to look again if some were held back. */
    record Decision(List<TaskRecord> kills, Optional<Duration> again) {
        public static final Decision NONE = new Decision(List.of(), Optional.empty());
    }

    HealthKills NONE = (spec, candidates, observed, results) -> Decision.NONE;
}
