package dev.pacer.scheduler.health;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster-wide side of health kills: the reconcile planner has found which of an app's tasks failed their
 * checks too often ({@link UnhealthyTasks}, pure); this admits them — or holds them back — by the cluster's brake
 * and the kill rate limits, which span every app and instance.
 */
public interface HealthKills {

    /**
     * @param verdict  the app's running tasks that nothing else is killing, as the planner judged them
     * @param observed every task record of the app (health fields of tasks not among them are deleted)
     * @param results  the app's current health results by task id (read once per pass by the reconciler)
     */
    Decision admit(AppSpec spec, UnhealthyTasks verdict, List<TaskRecord> observed, Map<String, List<HealthResult>> results);

    /** Tasks to kill now, and when to look again if some were held back. */
    record Decision(List<TaskRecord> kills, Optional<Duration> again) {
        public static final Decision NONE = new Decision(List.of(), Optional.empty());
    }

    HealthKills NONE = (spec, verdict, observed, results) -> Decision.NONE;
}
