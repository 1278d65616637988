package dev.pacer.scheduler.deploy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Running deployments, the step each is at, and the locks they hold (app id → deployment id). Starting
 * and ending are atomic with their locks: two deployments never both hold an app and a finished one
 * never leaves a lock behind. {@link RedisDeploymentStore} is the production adapter;
 * {@code DeploymentStoreContract} states the behaviour.
 */
interface DeploymentStore {

    /**
     * Stores the deployment at step 1 and locks its apps; returns the ids of the other deployments holding
     * any of its apps, in the order of its apps (then nothing changed).
     */
    default List<String> start(DeploymentPlan plan) {
        return start(plan, List.of());
    }

    /**
     * Like {@link #start(DeploymentPlan)}, but the locks of the deployments in {@code replacing} are taken
     * over in the same atomic step (they neither block it nor leave their apps unlocked for an instant);
     * ending those deployments afterwards releases nothing of this one's.
     */
    List<String> start(DeploymentPlan plan, Collection<String> replacing);

    /** Removes the deployment, its progress and the locks it still holds; false when it was not there. */
    boolean end(DeploymentPlan plan);

    /**
     * Marks the app's action of the deployment's current step done. Returns the step the deployment is
     * at afterwards (unchanged when the caller's step is stale, {@code totalSteps + 1} once the last step
     * completed, 0 when the deployment is gone).
     */
    int complete(RunningDeployment deployment, String app);

    Optional<RunningDeployment> get(String id);

    /** Every running deployment, oldest first. */
    List<RunningDeployment> all();

    /** The deployment holding the app, if any. */
    Optional<String> lockOf(String app);

    /** The deployments holding the given apps, in the order given (apps without one are left out). */
    Map<String, String> locksOf(Collection<String> apps);

    /** Drops the app's lock by a deployment that no longer exists (a crash between the two is repaired here). */
    void releaseStale(String app, String deploymentId);

    /** Records the blue-green traffic switch (once); false when it was recorded before or the deployment is gone. */
    boolean markSwitched(String id, long atMillis);

    /** Records that the new set of a blue-green deployment was let into traffic (once); false as {@link #markSwitched}. */
    boolean markOpened(String id, long atMillis);

    /** Lets a deployment held at its canaries go on; false when it is gone. */
    boolean promote(String id);
}
