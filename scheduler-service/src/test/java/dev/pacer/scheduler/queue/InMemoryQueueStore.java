package dev.pacer.scheduler.queue;

import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link QueueStore} in memory, for fast tests: the same answers and ordering as {@link RedisQueueStore}
 * ({@code QueueStoreContract} runs against both). Thread-safe.
 */
public class InMemoryQueueStore implements QueueStore {

    private final TreeMap<String, Entry> entries = new TreeMap<>();

    @Override
    public synchronized void waiting(AppId app, int count, Map<String, Integer> declines, Instant now) {
        Instant since = find(app).map(Entry::since).orElse(now);
        entries.put(app.toString(), new Entry(app.toString(), count, since, new LinkedHashMap<>(declines)));
    }

    @Override
    public synchronized void done(AppId app) {
        entries.remove(app.toString());
    }

    @Override
    public synchronized Optional<Entry> find(AppId app) {
        return Optional.ofNullable(entries.get(app.toString()));
    }

    @Override
    public synchronized List<Entry> all() {
        return List.copyOf(entries.values());
    }
}
