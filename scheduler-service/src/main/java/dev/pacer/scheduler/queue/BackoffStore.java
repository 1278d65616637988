package dev.pacer.scheduler.queue;

import dev.pacer.contract.ids.AppId;

/**
 * Launch backoff per app. {@link RedisBackoffStore} is the production adapter (a hash in the app's slot);
 * {@code BackoffStoreContract} states the behaviour.
 */
public interface BackoffStore {

    /**
     * The app's backoff; {@link Backoff#NONE} when none is stored. A stored backoff without a delay reads
     * back with {@code delayUntil} at the epoch (no delay pending either way).
     */
    Backoff get(AppId app);

    void put(AppId app, Backoff backoff);

    /** Forgets the backoff ({@code DELETE /v2/queue/{id}/delay}, a config change). */
    void reset(AppId app);
}
