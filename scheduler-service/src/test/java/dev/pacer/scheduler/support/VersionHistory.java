package dev.pacer.scheduler.support;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored versions of one record, for the in-memory stores: ordered as the Redis adapters' sorted sets
 * order them (by the version's epoch ms, then by the version string), at most {@code max}, oldest dropped
 * first. Not thread-safe: its store holds the lock.
 */
public final class VersionHistory<T> {

    private static final Comparator<String> BY_TIME =
            Comparator.<String>comparingLong(v -> Instant.parse(v).toEpochMilli()).thenComparing(Comparator.naturalOrder());

    private final TreeMap<String, T> versions = new TreeMap<>(BY_TIME);
    private final int max;

    public VersionHistory(int max) {
        this.max = max;
    }

    public void put(String version, T value) {
        versions.put(version, value);
        while (versions.size() > max) {
            versions.pollFirstEntry();
        }
    }

    public Optional<T> get(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    public List<String> newestFirst() {
        return List.copyOf(versions.descendingKeySet());
    }
}
