package dev.pacer.scheduler.work;

import dev.pacer.boot.work.BoundedWork;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work queue of keys (app ids) processed by a fixed pool of workers, never one key by two workers
 * at once (keyed single-flight). A key enqueued while it is queued is not queued twice; a key
 * enqueued while it is being processed is processed once more afterwards. The handler answers how
 * long until the key should be looked at again, if at all ("requeue after" instead of sleeping).
 * The queue holds each key at most once, and at most {@code capacity} keys: a key enqueued beyond
 * that is dropped and counted ({@link #dropped()}); the periodic resync brings it back, so dropping
 * is safe (level-triggered). Readiness reads it as a {@link BoundedWork}.
 */
public final class KeyedWorkQueue<K> implements AutoCloseable, BoundedWork {

    private static final Logger log = LoggerFactory.getLogger(KeyedWorkQueue.class);

    private enum Mark { QUEUED, RUNNING, RUNNING_DIRTY }

    private final Function<K, Optional<Duration>> handler;
    private final LinkedBlockingQueue<K> queue = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<K, Mark> marks = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final String name;
    private final int workerCount;
    private final int capacity;
    private volatile boolean closed;

    public KeyedWorkQueue(String name, int workerCount, Function<K, Optional<Duration>> handler) {
        this(name, workerCount, 100_000, handler);
    }

    public KeyedWorkQueue(String name, int workerCount, int capacity, Function<K, Optional<Duration>> handler) {
        this.handler = handler;
        this.name = name;
        this.workerCount = workerCount;
        this.capacity = capacity;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, r -> daemon(r, name + "-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-timer"));
        for (int i = 0; i < workerCount; i++) {
            workers.execute(this::work);
        }
    }

    public void enqueue(K key) {
        boolean[] added = new boolean[1];
        marks.compute(key, (k, mark) -> {
            if (mark == null && queue.size() >= capacity) {
                dropped.incrementAndGet();
                return null;
            }
            if (mark == null) {
                added[0] = true;
                return Mark.QUEUED;
            }
            return mark == Mark.RUNNING ? Mark.RUNNING_DIRTY : mark;
        });
        if (added[0]) {
            queue.add(key);
        }
    }

    public void enqueueAfter(K key, Duration delay) {
        timer.schedule(() -> enqueue(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keys waiting for a worker. */
    public int queued() {
        return queue.size();
    }

    /** Workers processing a key now. */
    public int busy() {
        return busy.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int workers() {
        return workerCount;
    }

    /** Keys dropped because the queue was full (picked up again by the next resync). */
    public long dropped() {
        return dropped.get();
    }

    private void work() {
        while (!closed) {
            K key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            marks.put(key, Mark.RUNNING);
            busy.incrementAndGet();
            Optional<Duration> again = Optional.of(Duration.ofSeconds(5));
            try {
                again = handler.apply(key);
            } catch (RuntimeException e) {
                log.warn("Reconciling {} failed; retrying in 5 s: {}", key, e.toString());
            } finally {
                busy.decrementAndGet();
            }
            Mark after = marks.compute(key, (k, mark) -> mark == Mark.RUNNING_DIRTY ? Mark.QUEUED : null);
            if (after == Mark.QUEUED) {
                queue.add(key);
            } else {
                again.ifPresent(delay -> enqueueAfter(key, delay));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
