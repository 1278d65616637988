package dev.pacer.scheduler.definition.store;

import dev.pacer.contract.ids.AppId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * App definitions (JSON, as the API wrote them) by id: the current definition, up to a bound of stored
 * versions (oldest dropped first), the list index (apps in id order) and each shard's set of app ids.
 * {@link RedisAppStore} is the production adapter; the contract test {@code AppStoreContract} states
 * what every implementation does.
 */
public interface AppStore {

    /** Stores a new app; false (and no definition changed) when one with that id exists. */
    boolean create(AppId app, int shard, String version, String json);

    /** Stores a new version of an app and makes it current (created when absent). */
    void put(AppId app, int shard, String version, String json);

    /**
     * Stores a version without making it current: a later step of a deployment does that with
     * {@link #activate}. A new app is not listed until then.
     */
    void putVersion(AppId app, String version, String json);

    /** Makes a stored version current; false when that version is not stored. */
    default boolean activate(AppId app, int shard, String version) {
        Optional<String> json = version(app, version);
        json.ifPresent(j -> put(app, shard, version, j));
        return json.isPresent();
    }

    Optional<String> get(AppId app);

    /** Stored versions, newest first. */
    List<String> versions(AppId app);

    Optional<String> version(AppId app, String version);

    /**
     * Removes the definition and its versions (the Redis adapter also the app's backoff, readiness
     * results, traffic gate and last task failure: every key in the app's slot but its tasks); the app
     * leaves the list at once. Its shard keeps the id until the reconciler has stopped every task and
     * calls {@link #forget}. False when nothing was stored.
     */
    boolean delete(AppId app);

    /** Drops a deleted app's id from its shard once nothing of it runs. */
    void forget(AppId app, int shard);

    /** Ids of every listed app at or below {@code group} (all apps for the root), in id order. */
    List<AppId> ids(AppId group);

    /** Current definitions of the given apps, in order; missing ones are skipped. */
    List<String> getAll(List<AppId> apps);

    /** Ids of the apps in one shard, deleted ones whose tasks are still being stopped included. */
    Set<String> inShard(int shard);
}
