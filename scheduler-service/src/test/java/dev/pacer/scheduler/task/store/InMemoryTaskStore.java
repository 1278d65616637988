package dev.pacer.scheduler.task.store;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.health.InMemoryTaskHealthStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@link TaskStore} in memory, for fast tests: the same answers and the same optimistic concurrency as
 * {@link RedisTaskStore} ({@code TaskStoreContract} runs against both): {@link #update} applies its change
 * outside the lock and writes only if the record is still the one it read, else retries. A delete also
 * deletes the task's health results from the {@link InMemoryTaskHealthStore} given, as the Redis adapter
 * deletes them from the app's health hash.
 */
public class InMemoryTaskStore implements TaskStore {

    private static final int MAX_ATTEMPTS = 20;

    private record Key(AppId app, String taskId) {
    }

    private final InMemoryTaskHealthStore health;
    private final Map<Key, TaskRecord> records = new HashMap<>();
    private final Map<AppId, Set<String>> byApp = new HashMap<>();
    private final Map<String, Set<String>> byAgent = new HashMap<>();

    public InMemoryTaskStore(InMemoryTaskHealthStore health) {
        this.health = health;
    }

    @Override
    public Optional<TaskRecord> update(AppId app, String taskId, UnaryOperator<TaskRecord> change) {
        Key key = new Key(app, taskId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TaskRecord current = read(key);
            if (current == null) {
                return Optional.empty();
            }
            TaskRecord changed = change.apply(current);
            if (changed.equals(current)) {
                return Optional.of(current);
            }
            if (compareAndSet(key, current, changed)) {
                return Optional.of(changed);
            }
        }
        throw new IllegalStateException("task " + taskId + " changed " + MAX_ATTEMPTS + " times while being updated");
    }

    @Override
    public synchronized void save(TaskRecord task) {
        records.put(new Key(task.app(), task.taskId()), task);
        byApp.computeIfAbsent(task.app(), a -> new LinkedHashSet<>()).add(task.taskId());
        byAgent.computeIfAbsent(task.agentId(), a -> new LinkedHashSet<>()).add(task.taskId());
    }

    @Override
    public synchronized Optional<TaskRecord> find(AppId app, String taskId) {
        return Optional.ofNullable(records.get(new Key(app, taskId)));
    }

    @Override
    public synchronized List<TaskRecord> ofApp(AppId app) {
        List<TaskRecord> tasks = new ArrayList<>();
        for (String id : byApp.getOrDefault(app, Set.of())) {
            TaskRecord task = records.get(new Key(app, id));
            if (task != null) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    @Override
    public synchronized Map<AppId, List<TaskRecord>> ofApps(List<AppId> apps) {
        Map<AppId, List<TaskRecord>> result = new LinkedHashMap<>();
        apps.forEach(app -> result.put(app, ofApp(app)));
        return result;
    }

    @Override
    public synchronized Set<String> idsOnAgent(String agentId) {
        return Set.copyOf(byAgent.getOrDefault(agentId, Set.of()));
    }

    @Override
    public synchronized void delete(TaskRecord task) {
        records.remove(new Key(task.app(), task.taskId()));
        byApp.getOrDefault(task.app(), new LinkedHashSet<>()).remove(task.taskId());
        byAgent.getOrDefault(task.agentId(), new LinkedHashSet<>()).remove(task.taskId());
        health.deleteTask(task.app(), task.taskId());
    }

    private synchronized TaskRecord read(Key key) {
        return records.get(key);
    }

    private synchronized boolean compareAndSet(Key key, TaskRecord expected, TaskRecord changed) {
        if (!expected.equals(records.get(key))) {
            return false;
        }
        records.put(key, changed);
        return true;
    }
}
