package dev.pacer.scheduler.reconcile;

import dev.pacer.scheduler.health.UnhealthyTasks;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every action of one reconcile pass for one app, decided by {@link AppPlanner} from an {@link Observation} and
 * applied by {@link PlanExecutor}: nothing else decides what a pass does.
 *
 * @param diff        launches, kills and expunges of desired against observed ({@link ReconcileDiff})
 * @param killRetries tasks whose kill was asked for long ago without news from the agent: asked again
 * @param unhealthy   tasks that failed their health checks too often, and whether the app's brake holds them
 *                    (null without health checks); the cluster-wide brake and kill rates admit them
 * @param launch      how many to launch now, or why not yet
 * @param deleted     the app is deleted: it waits for its tasks to stop, then is forgotten
 */
public record Plan(Diff diff, List<TaskRecord> killRetries, UnhealthyTasks unhealthy, Launch launch, boolean deleted) {

    public Plan {
        killRetries = List.copyOf(killRetries);
    }

    /**
     * The launches of a pass.
     *
     * @param count      tasks to launch (0: none wanted)
     * @param delay      present while the app's launch backoff runs: nothing is launched, the app is looked at
     *                   again when it ends
     * @param beside     the app's active tasks that stay (placement spreads the new ones around them)
     * @param onDeclined how soon to try again when not every launch could be placed
     */
    public record Launch(int count, Optional<Duration> delay, List<TaskRecord> beside, Duration onDeclined) {

        public static Launch none() {
            return new Launch(0, Optional.empty(), List.of(), Duration.ZERO);
        }

        public Launch {
            beside = List.copyOf(beside);
        }
    }

    /** The deleted app's records all go in this pass: nothing is left to wait for. */
    public boolean leavesNothing(List<TaskRecord> observed) {
        return diff.expunge().containsAll(observed);
    }
}
