package dev.pacer.scheduler.work;

import dev.pacer.contract.ids.AppId;

/**
 * "Something about this app changed": published by whoever changed it (the API, the status consumer),
 * received by every scheduler instance and acted on by the one holding the app's shard
 * (reconcile's {@code ReconcileConfiguration} subscribes). A hint only wakes the reconciler early; a lost one costs at most one
 * resync interval. {@link RedisAppHints} is the production adapter.
 */
public interface AppHints {

    void publish(AppId app);
}
