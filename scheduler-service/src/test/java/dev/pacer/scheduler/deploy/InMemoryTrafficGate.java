package dev.pacer.scheduler.deploy;

import dev.pacer.contract.ids.AppId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link TrafficGate} in memory, for fast tests: the same answers as {@link RedisTrafficGate}
 * ({@code TrafficGateContract} runs against both); nobody is notified. Thread-safe.
 */
public class InMemoryTrafficGate implements TrafficGate {

    private final Map<AppId, Set<String>> denied = new HashMap<>();

    @Override
    public synchronized void deny(AppId app, Collection<String> versions) {
        if (versions.isEmpty()) {
            denied.remove(app);
        } else {
            denied.put(app, Set.copyOf(versions));
        }
    }

    @Override
    public synchronized void allowAll(AppId app) {
        denied.remove(app);
    }

    @Override
    public synchronized Set<String> denied(AppId app) {
        return denied.getOrDefault(app, Set.of());
    }
}
