package dev.pacer.scheduler.definition.ports;

import java.util.HashSet;
import java.util.Set;

/**
 * {@link ServicePortPool} in memory, for fast tests: the same answers as {@link RedisServicePortPool}
 * ({@code ServicePortPoolContract} runs against both). Thread-safe.
 */
public class InMemoryServicePortPool implements ServicePortPool {

    private final Set<Integer> used = new HashSet<>();

    @Override
    public synchronized int take(int min, int max, int offset) {
        int size = max - min + 1;
        for (int i = 0; i < size; i++) {
            int port = min + (offset + i) % size;
            if (used.add(port)) {
                return port;
            }
        }
        return -1;
    }

    @Override
    public synchronized void release(int port) {
        used.remove(port);
    }

    /** The ports taken now, for assertions. */
    public synchronized Set<Integer> used() {
        return Set.copyOf(used);
    }
}
