package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Told what each reconcile pass saw, so a deployment waiting on the app can move on. */
public interface DeploymentHook {

    /** Never waits on anything. */
    DeploymentHook NONE = (app, spec, tasks, healthy, now) -> false;

    /**
     * How many tasks of the new version the app may run while its deployment is held at a canary
     * (old tasks all stay); -1 when it is not held.
     */
    default int canary(AppId app) {
        return -1;
    }

    /**
     * @param spec    the app as stored (empty once deleted)
     * @param healthy ids of its running tasks that pass every health check
     * @return true while a deployment still waits on this app (look at it again soon)
     */
    boolean afterPass(AppId app, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy, Instant now);
}
