package dev.pacer.scheduler.queue;

import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Apps waiting for launches ({@code GET /v2/queue}): how many tasks are missing, since when, and why
 * the last placement declined (reason → number of agents). Written by the app's reconciler when a
 * launch cannot happen, removed when nothing is missing; any API instance can read it.
 * {@link RedisQueueStore} is the production adapter; {@code QueueStoreContract} states the behaviour.
 */
public interface QueueStore {

    /** One app's entry. */
    record Entry(String appId, int count, Instant since, Map<String, Integer> declines) {
    }

    /** The app misses {@code count} tasks; {@code since} is kept from an existing entry, else {@code now}. */
    void waiting(AppId app, int count, Map<String, Integer> declines, Instant now);

    /** Nothing is missing any more: the entry goes. */
    void done(AppId app);

    Optional<Entry> find(AppId app);

    /** Every entry, in app id order. */
    List<Entry> all();
}
