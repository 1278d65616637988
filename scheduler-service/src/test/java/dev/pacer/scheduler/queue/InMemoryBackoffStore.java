package dev.pacer.scheduler.queue;

import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BackoffStore} in memory, for fast tests: the same answers as {@link RedisBackoffStore}
 * ({@code BackoffStoreContract} runs against both), a stored backoff without a delay included.
 */
public class InMemoryBackoffStore implements BackoffStore {

    private final ConcurrentHashMap<AppId, Backoff> backoffs = new ConcurrentHashMap<>();

    @Override
    public Backoff get(AppId app) {
        return backoffs.getOrDefault(app, Backoff.NONE);
    }

    @Override
    public void put(AppId app, Backoff backoff) {
        backoffs.put(app, new Backoff(backoff.failures(), backoff.delayUntil() == null ? Instant.EPOCH : backoff.delayUntil()));
    }

    @Override
    public void reset(AppId app) {
        backoffs.remove(app);
    }
}
