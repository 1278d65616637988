package dev.pacer.gateway.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's view of every app's instances: app id ({@code /team/web}) → instances. Replaced per
 * app when an instance-change message arrives, and as a whole at every resync; a resync that started
 * before an app's last per-app refresh leaves that app alone (it would bring back an older view).
 * Picking an instance is round-robin over the UP ones, lock-free.
 */
public final class AppInstanceView {

    /** The instances of one app, and the round-robin position. */
    private record Entry(List<AppEndpoint> up, int total, AtomicInteger next, long generation) {
    }

    /** Where a path leads: the app, and how many leading path segments its id used. */
    public record Match(String appId, int segments) {
    }

    private final Map<String, Entry> apps = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private volatile int deepest = 1;

    /** A number that orders refreshes: take one before reading Eureka, pass it to {@link #replace}. */
    public long nextGeneration() {
        return generations.incrementAndGet();
    }

    /** Replaces one app's instances (empty: the app has none). */
    public void replace(String appId, List<AppEndpoint> instances, long generation) {
        apps.compute(appId, (id, old) -> old != null && old.generation > generation ? old : entry(instances, generation));
        deepest = Math.max(deepest, depth(appId));
    }

    /** Replaces every app's instances with a full read of the registry taken at {@code generation}. */
    public void replaceAll(Map<String, List<AppEndpoint>> all, long generation) {
        all.forEach((app, instances) -> replace(app, instances, generation));
        for (String app : List.copyOf(apps.keySet())) {
            if (!all.containsKey(app)) {
                apps.computeIfPresent(app, (id, old) -> old.generation > generation ? old : null);
            }
        }
    }

    /**
     * The app a path's segments name: the longest leading run of segments that is a known app
     * ({@code [team, web, index.html]} → {@code /team/web}, 2).
     */
    public Optional<Match> resolve(List<String> segments) {
        StringBuilder id = new StringBuilder();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < Math.min(segments.size(), deepest); i++) {
            id.append('/').append(segments.get(i));
            candidates.add(id.toString());
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (apps.containsKey(candidates.get(i))) {
                return Optional.of(new Match(candidates.get(i), i + 1));
            }
        }
        return Optional.empty();
    }

    /** An UP instance of the app, round-robin, avoiding {@code tried} while others remain; empty when none is UP. */
    public Optional<AppEndpoint> choose(String appId, Set<String> tried) {
        Entry entry = apps.get(appId);
        if (entry == null || entry.up.isEmpty()) {
            return Optional.empty();
        }
        int size = entry.up.size();
        int start = Math.floorMod(entry.next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            AppEndpoint candidate = entry.up.get((start + i) % size);
            if (!tried.contains(candidate.instanceId())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The UP instances of the app now (for tests and the actuator). */
    public List<AppEndpoint> up(String appId) {
        Entry entry = apps.get(appId);
        return entry == null ? List.of() : entry.up;
    }

    public boolean knows(String appId) {
        return apps.containsKey(appId);
    }

    private static Entry entry(List<AppEndpoint> instances, long generation) {
        List<AppEndpoint> up = instances.stream().filter(AppEndpoint::up).toList();
        return new Entry(up, instances.size(), new AtomicInteger(), generation);
    }

    private static int depth(String appId) {
        int depth = 0;
        for (int i = 0; i < appId.length(); i++) {
            if (appId.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }
}
