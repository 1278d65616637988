package dev.pacer.scheduler.definition.store;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.support.VersionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@link AppStore} in memory, for fast tests: the same answers and ordering as {@link RedisAppStore}
 * ({@code AppStoreContract} runs against both). Thread-safe: every method holds the store's lock.
 * It keeps only the app's own records; what the Redis adapter's {@link #delete} also removes from the app's
 * slot (backoff, readiness, traffic gate, last failure) is the {@code alsoOnDelete} given.
 */
public class InMemoryAppStore implements AppStore {

    private final int maxVersions;
    private final Consumer<AppId> alsoOnDelete;
    private final Map<AppId, String> current = new HashMap<>();
    private final Map<AppId, VersionHistory<String>> versions = new HashMap<>();
    private final TreeSet<String> listed = new TreeSet<>();
    private final Map<Integer, Set<String>> shards = new HashMap<>();

    public InMemoryAppStore(int maxVersions) {
        this(maxVersions, app -> { });
    }

    /** @param alsoOnDelete forgets what other stores keep of a deleted app, as the Redis adapter does */
    public InMemoryAppStore(int maxVersions, Consumer<AppId> alsoOnDelete) {
        this.maxVersions = maxVersions;
        this.alsoOnDelete = alsoOnDelete;
    }

    @Override
    public synchronized boolean create(AppId app, int shard, String version, String json) {
        index(app, shard);
        if (current.containsKey(app)) {
            return false;
        }
        write(app, version, json, true);
        return true;
    }

    @Override
    public synchronized void put(AppId app, int shard, String version, String json) {
        index(app, shard);
        write(app, version, json, true);
    }

    @Override
    public synchronized void putVersion(AppId app, String version, String json) {
        write(app, version, json, false);
    }

    @Override
    public synchronized Optional<String> get(AppId app) {
        return Optional.ofNullable(current.get(app));
    }

    @Override
    public synchronized List<String> versions(AppId app) {
        VersionHistory<String> stored = versions.get(app);
        return stored == null ? List.of() : stored.newestFirst();
    }

    @Override
    public synchronized Optional<String> version(AppId app, String version) {
        VersionHistory<String> stored = versions.get(app);
        return stored == null ? Optional.empty() : stored.get(version);
    }

    @Override
    public synchronized boolean delete(AppId app) {
        boolean existed = current.remove(app) != null;
        existed |= versions.remove(app) != null;
        listed.remove(app.toString());
        alsoOnDelete.accept(app);
        return existed;
    }

    @Override
    public synchronized void forget(AppId app, int shard) {
        shards.getOrDefault(shard, new HashSet<>()).remove(app.toString());
    }

    @Override
    public synchronized List<AppId> ids(AppId group) {
        List<AppId> result = new ArrayList<>();
        for (String id : listed) {
            AppId parsed = AppId.parse(id);
            if (parsed.isUnder(group)) {
                result.add(parsed);
            }
        }
        return result;
    }

    @Override
    public synchronized List<String> getAll(List<AppId> apps) {
        return apps.stream().map(current::get).filter(json -> json != null).toList();
    }

    @Override
    public synchronized Set<String> inShard(int shard) {
        return Set.copyOf(shards.getOrDefault(shard, Set.of()));
    }

    private void index(AppId app, int shard) {
        listed.add(app.toString());
        shards.computeIfAbsent(shard, s -> new HashSet<>()).add(app.toString());
    }

    private void write(AppId app, String version, String json, boolean makeCurrent) {
        if (makeCurrent) {
            current.put(app, json);
        }
        versions.computeIfAbsent(app, a -> new VersionHistory<>(maxVersions)).put(version, json);
    }
}
