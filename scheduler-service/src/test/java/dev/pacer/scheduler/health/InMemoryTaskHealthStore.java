package dev.pacer.scheduler.health;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TaskHealthStore} in memory, for fast tests: the same answers as {@link RedisTaskHealthStore}
 * ({@code TaskHealthStoreContract} runs against both). {@link #write} and {@link #writeCheckerStats} play
 * health-service and the agents, which write the results in production. Thread-safe.
 */
public class InMemoryTaskHealthStore implements TaskHealthStore {

    private final Map<AppId, Map<String, HealthResult>> results = new HashMap<>();
    private final Map<String, CheckerStats> checkers = new LinkedHashMap<>();

    /** Writes one check's current result, as its checker does. */
    public synchronized void write(AppId app, HealthResult result) {
        results.computeIfAbsent(app, a -> new HashMap<>()).put(HealthKeys.field(result.taskId(), result.checkIndex()), result);
    }

    /** Writes the figures of one health-service instance. */
    public synchronized void writeCheckerStats(String instance, CheckerStats stats) {
        checkers.put(instance, stats);
    }

    /** Deletes every result of one task, as {@code TaskStore.delete} does. */
    public synchronized void deleteTask(AppId app, String taskId) {
        Map<String, HealthResult> fields = results.get(app);
        if (fields != null) {
            fields.keySet().removeIf(field -> HealthKeys.taskIdOf(field).equals(taskId));
        }
    }

    @Override
    public synchronized Map<String, List<HealthResult>> ofApp(AppId app) {
        Map<String, List<HealthResult>> byTask = new HashMap<>();
        results.getOrDefault(app, Map.of()).forEach((field, result) ->
                byTask.computeIfAbsent(HealthKeys.taskIdOf(field), t -> new ArrayList<>()).add(result));
        byTask.values().forEach(list -> list.sort(Comparator.comparingInt(HealthResult::checkIndex)));
        return byTask;
    }

    @Override
    public synchronized Map<AppId, Map<String, List<HealthResult>>> ofApps(Collection<AppId> apps) {
        Map<AppId, Map<String, List<HealthResult>>> result = new LinkedHashMap<>();
        apps.forEach(app -> result.put(app, ofApp(app)));
        return result;
    }

    @Override
    public synchronized void retainOnly(AppId app, Collection<String> live, Map<String, List<HealthResult>> current) {
        Map<String, HealthResult> fields = results.get(app);
        if (fields == null) {
            return;
        }
        current.forEach((taskId, stale) -> {
            if (!live.contains(taskId)) {
                stale.forEach(r -> fields.remove(HealthKeys.field(taskId, r.checkIndex())));
            }
        });
    }

    @Override
    public synchronized List<CheckerStats> checkerStats() {
        return List.copyOf(checkers.values());
    }
}
