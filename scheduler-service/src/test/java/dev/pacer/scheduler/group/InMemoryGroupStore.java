package dev.pacer.scheduler.group;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.support.VersionHistory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link GroupStore} in memory, for fast tests: the same answers and ordering as {@link RedisGroupStore}
 * ({@code GroupStoreContract} runs against both). Thread-safe: every method holds the store's lock.
 */
public class InMemoryGroupStore implements GroupStore {

    private final int maxVersions;
    private final TreeMap<String, List<String>> explicit = new TreeMap<>();
    private final Map<AppId, VersionHistory<GroupSnapshot>> versions = new HashMap<>();

    public InMemoryGroupStore(int maxVersions) {
        this.maxVersions = maxVersions;
    }

    @Override
    public synchronized Map<AppId, List<String>> explicit(AppId group) {
        Map<AppId, List<String>> result = new LinkedHashMap<>();
        explicit.forEach((id, dependencies) -> {
            AppId parsed = AppId.parse(id);
            if (parsed.isUnder(group)) {
                result.put(parsed, dependencies);
            }
        });
        return result;
    }

    @Override
    public synchronized void save(AppId group, List<String> dependencies) {
        explicit.put(group.toString(), List.copyOf(dependencies));
    }

    @Override
    public synchronized void deleteUnder(AppId group) {
        for (AppId id : explicit(group).keySet()) {
            explicit.remove(id.toString());
            versions.remove(id);
        }
    }

    @Override
    public synchronized void saveVersion(GroupSnapshot snapshot) {
        versions.computeIfAbsent(AppId.parse(snapshot.id()), g -> new VersionHistory<>(maxVersions)).put(snapshot.version(), snapshot);
    }

    @Override
    public synchronized List<String> versions(AppId group) {
        VersionHistory<GroupSnapshot> stored = versions.get(group);
        return stored == null ? List.of() : stored.newestFirst();
    }

    @Override
    public synchronized Optional<GroupSnapshot> version(AppId group, String version) {
        VersionHistory<GroupSnapshot> stored = versions.get(group);
        return stored == null ? Optional.empty() : stored.get(version);
    }
}
