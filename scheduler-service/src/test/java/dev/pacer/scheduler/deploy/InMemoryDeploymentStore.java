package dev.pacer.scheduler.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link DeploymentStore} in memory, for fast tests: the same answers, ordering and lock rules as
 * {@link RedisDeploymentStore} ({@code DeploymentStoreContract} runs against both). Thread-safe: every
 * method holds the store's lock, as each Redis script is atomic.
 */
public class InMemoryDeploymentStore implements DeploymentStore {

    /** One stored deployment: what the Redis hash holds, and its done sets by step. */
    private static final class Stored {
        DeploymentPlan plan;
        int step;
        boolean promoted;
        Long switchedAt;
        Long openedAt;
        final Map<Integer, Set<String>> done = new HashMap<>();

        RunningDeployment running() {
            return new RunningDeployment(plan, step, promoted, switchedAt, openedAt);
        }
    }

    private final Map<String, Stored> deployments = new HashMap<>();
    private final Map<String, String> locks = new HashMap<>();

    @Override
    public synchronized List<String> start(DeploymentPlan plan) {
        Set<String> holders = new LinkedHashSet<>();
        for (String app : plan.affectedApps()) {
            String owner = locks.get(app);
            if (owner != null && !owner.equals(plan.id())) {
                holders.add(owner);
            }
        }
        if (!holders.isEmpty()) {
            return List.copyOf(holders);
        }
        plan.affectedApps().forEach(app -> locks.put(app, plan.id()));
        Stored stored = deployments.computeIfAbsent(plan.id(), id -> new Stored());
        stored.plan = plan;
        stored.step = 1;
        return List.of();
    }

    @Override
    public synchronized boolean end(DeploymentPlan plan) {
        plan.affectedApps().forEach(app -> locks.remove(app, plan.id()));
        return deployments.remove(plan.id()) != null;
    }

    @Override
    public synchronized int complete(RunningDeployment deployment, String app) {
        Stored stored = deployments.get(deployment.id());
        if (stored == null) {
            return 0;
        }
        int step = deployment.currentStep();
        if (stored.step != step) {
            return stored.step;
        }
        Set<String> done = stored.done.computeIfAbsent(step, s -> new HashSet<>());
        done.add(app);
        if (done.size() < deployment.plan().step(step).size()) {
            return step;
        }
        stored.step = step + 1;
        return stored.step;
    }

    @Override
    public synchronized Optional<RunningDeployment> get(String id) {
        return Optional.ofNullable(deployments.get(id)).map(Stored::running);
    }

    @Override
    public synchronized List<RunningDeployment> all() {
        List<Stored> running = new ArrayList<>(deployments.values());
        running.sort(Comparator.<Stored>comparingLong(s -> s.plan.startedAt()).thenComparing(s -> s.plan.id()));
        return running.stream().map(Stored::running).toList();
    }

    @Override
    public synchronized Optional<String> lockOf(String app) {
        return Optional.ofNullable(locks.get(app));
    }

    @Override
    public synchronized Map<String, String> locksOf(Collection<String> apps) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String app : apps) {
            String id = locks.get(app);
            if (id != null) {
                result.put(app, id);
            }
        }
        return result;
    }

    @Override
    public synchronized void releaseStale(String app, String deploymentId) {
        if (!deployments.containsKey(deploymentId)) {
            locks.remove(app, deploymentId);
        }
    }

    @Override
    public synchronized boolean markSwitched(String id, long atMillis) {
        Stored stored = deployments.get(id);
        if (stored == null || stored.switchedAt != null) {
            return false;
        }
        stored.switchedAt = atMillis;
        return true;
    }

    @Override
    public synchronized boolean markOpened(String id, long atMillis) {
        Stored stored = deployments.get(id);
        if (stored == null || stored.openedAt != null) {
            return false;
        }
        stored.openedAt = atMillis;
        return true;
    }

    @Override
    public synchronized boolean promote(String id) {
        Stored stored = deployments.get(id);
        if (stored == null) {
            return false;
        }
        stored.promoted = true;
        return true;
    }
}
