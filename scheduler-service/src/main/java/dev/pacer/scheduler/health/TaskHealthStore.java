package dev.pacer.scheduler.health;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The current health of tasks, as health-service and the agents wrote it: read per app or for many apps
 * at once; fields of tasks that no longer have a record are deleted here. {@link RedisTaskHealthStore} is
 * the production adapter; {@code TaskHealthStoreContract} states the behaviour.
 */
public interface TaskHealthStore {

    /** Results of one app, by task id, each task's ordered by check index; unreadable results count as none. */
    Map<String, List<HealthResult>> ofApp(AppId app);

    /** Results of many apps, in the order given (an app without results maps to an empty map). */
    Map<AppId, Map<String, List<HealthResult>>> ofApps(Collection<AppId> apps);

    /**
     * Deletes the results in {@code current} (as {@link #ofApp} read them) of tasks not in {@code live}
     * (expunged tasks, or results written after they ended).
     */
    void retainOnly(AppId app, Collection<String> live, Map<String, List<HealthResult>> current);

    /** The figures of every health-service instance (fresh or not); unreadable ones are skipped. */
    List<CheckerStats> checkerStats();
}
