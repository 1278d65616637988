package dev.pacer.scheduler.deploy;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Told what each reconcile pass saw, so a deployment waiting on the app can move on. A pass reads the
 * deployment that holds its app once ({@link #held}) and hands that to both uses: the canary bound
 * before the diff and {@link #afterPass} after it — a deployment record of a large group is tens of
 * kilobytes, read by every pass of every app it holds.
 */
public interface DeploymentHook {

    /** What one pass knows of the deployment holding its app, read at the pass's start. */
    interface Held {

        /** No deployment holds the app. */
        Held NONE = () -> -1;

        /**
         * How many tasks of the new version the app may run while its deployment is held at a canary
         * (old tasks all stay); -1 when it is not held.
         */
        int canary();

        /**
         * The version the deployment's current step takes the app to (null when none does: no deployment,
         * a later step, a deletion). While the stored app is older, the change is still being written and
         * the pass must not act on the definition it replaces.
         */
        default String target() {
            return null;
        }

        /** The id of the deployment holding the app (for the logs of the pass), null when none does. */
        default String deploymentId() {
            return null;
        }
    }

    /** Never waits on anything. */
    DeploymentHook NONE = new DeploymentHook() {
        @Override
        public Held held(AppId app) {
            return Held.NONE;
        }

        @Override
        public boolean afterPass(AppId app, Held held, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy,
                                 Instant now) {
            return false;
        }
    };

    /** Reads the deployment holding {@code app}, if any: once per pass. */
    Held held(AppId app);

    /**
     * @param held    what {@link #held} read at the start of this pass
     * @param spec    the app as stored (empty once deleted)
     * @param healthy ids of its running tasks that pass every health check
     * @return true while a deployment still waits on this app (look at it again soon)
     */
    boolean afterPass(AppId app, Held held, Optional<AppSpec> spec, List<TaskRecord> tasks, Set<String> healthy, Instant now);
}
