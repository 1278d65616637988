package dev.pacer.health.check;

import dev.pacer.boot.work.BoundedWork;
import dev.pacer.contract.health.HealthCounting;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.health.target.CheckTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Runs the checks this instance owns. Each check fires every {@code intervalSeconds} from one timer
 * thread (first at the end of {@code delaySeconds} after the task started, spread over the interval so
 * that adopted checks do not fire together); a probe still in flight when its next turn comes skips
 * that turn (counted as {@code overrun}). The timer only takes a slot; the probe starts on the
 * prober's dispatcher (Netty's event loops), so the timer thread never does I/O work. At most {@code maxInFlight} probes run at once; a probe that finds no slot waits in a
 * bounded queue, and one that finds the queue full is skipped and counted, never failed. Each outcome
 * is counted with Marathon's rule ({@link HealthCounting}); the result goes to the {@link ResultSink}.
 */
public final class CheckEngine implements BoundedWork, AutoCloseable {

    private final Prober prober;
    private final java.util.concurrent.Executor dispatch;
    private final ResultSink sink;
    private final HealthMetrics metrics;
    private final Clock clock;
    private final Duration minInterval;
    private final int maxInFlight;
    private final int pendingCapacity;
    private final Semaphore slots;
    private final ArrayBlockingQueue<Loop> pending;
    private final ScheduledExecutorService timer;
    private final Map<String, Map<String, Loop>> byApp = new ConcurrentHashMap<>();

    public CheckEngine(Prober prober, ResultSink sink, HealthMetrics metrics, Clock clock, Duration minInterval,
                       int maxInFlight, int pendingCapacity) {
        this.prober = prober;
        this.dispatch = prober.dispatcher();
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.minInterval = minInterval;
        this.maxInFlight = maxInFlight;
        this.pendingCapacity = pendingCapacity;
        this.slots = new Semaphore(maxInFlight);
        this.pending = new ArrayBlockingQueue<>(pendingCapacity);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-health-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Makes {@code owned} the checks of {@code appId} run here: starts new ones (their current result
     * read through {@code known}, so counts carry over from the previous owner), stops the others.
     */
    public void sync(String appId, Collection<CheckTarget> owned,
                     BiFunction<String, List<String>, Map<String, HealthResult>> known) {
        Map<String, Loop> running = byApp.computeIfAbsent(appId, a -> new ConcurrentHashMap<>());
        Map<String, CheckTarget> wanted = new HashMap<>();
        owned.forEach(t -> wanted.put(t.field(), t));
        running.values().removeIf(loop -> {
            boolean keep = loop.target.equals(wanted.get(loop.target.field()));
            if (!keep) {
                loop.cancel();
            }
            return !keep;
        });
        List<String> added = wanted.keySet().stream().filter(f -> !running.containsKey(f)).toList();
        if (!added.isEmpty()) {
            Map<String, HealthResult> results = known.apply(appId, added);
            for (String field : added) {
                CheckTarget target = wanted.get(field);
                HealthResult previous = results.get(field);
                Loop loop = new Loop(target, previous != null && target.version() != null
                        && !target.version().equals(previous.version()) ? null : previous);
                running.put(field, loop);
                loop.start();
            }
        }
        if (running.isEmpty()) {
            byApp.remove(appId, running);
        }
    }

    /** Apps with checks running here. */
    public List<String> apps() {
        return List.copyOf(byApp.keySet());
    }

    /** Checks running here. */
    public int checks() {
        return byApp.values().stream().mapToInt(Map::size).sum();
    }

    /** Distinct tasks checked here. */
    public int tasks() {
        return (int) byApp.values().stream().flatMap(m -> m.values().stream()).map(l -> l.target.taskId()).distinct().count();
    }

    /** Checks whose current result is not alive. */
    public int unhealthy() {
        return (int) byApp.values().stream().flatMap(m -> m.values().stream())
                .filter(l -> l.current != null && !l.current.alive()).count();
    }

    public void stopAll() {
        byApp.values().forEach(m -> m.values().forEach(Loop::cancel));
        byApp.clear();
    }

    @Override
    public String name() {
        return "health-probes";
    }

    @Override
    public int queued() {
        return pending.size();
    }

    @Override
    public int capacity() {
        return pendingCapacity;
    }

    @Override
    public int workers() {
        return maxInFlight;
    }

    @Override
    public int busy() {
        return maxInFlight - slots.availablePermits();
    }

    @Override
    public void close() {
        stopAll();
        timer.shutdownNow();
    }

    private void fire(Loop loop) {
        if (loop.cancelled) {
            return;
        }
        if (!loop.inFlight.compareAndSet(false, true)) {
            metrics.checked(loop.target.protocol(), "overrun", null);
            return;
        }
        if (slots.tryAcquire()) {
            dispatch.execute(() -> run(loop));
        } else if (!pending.offer(loop)) {
            loop.inFlight.set(false);
            metrics.skipped(loop.target.protocol());
        }
    }

    private void run(Loop loop) {
        long start = System.nanoTime();
        try {
            prober.probe(loop.target, outcome -> {
                try {
                    loop.record(outcome, Duration.ofNanos(System.nanoTime() - start));
                } finally {
                    loop.inFlight.set(false);
                    slots.release();
                    drain();
                }
            });
        } catch (RuntimeException e) {
            loop.inFlight.set(false);
            slots.release();
            metrics.checked(loop.target.protocol(), "error", null);
        }
    }

    private void drain() {
        while (!pending.isEmpty() && slots.tryAcquire()) {
            Loop next = pending.poll();
            if (next == null) {
                slots.release();
                return;
            }
            if (next.cancelled) {
                next.inFlight.set(false);
                slots.release();
                continue;
            }
            run(next);
        }
    }

    private final class Loop {
        final CheckTarget target;
        final AtomicBoolean inFlight = new AtomicBoolean();
        volatile HealthResult current;
        volatile boolean cancelled;
        volatile ScheduledFuture<?> future;

        Loop(CheckTarget target, HealthResult current) {
            this.target = target;
            this.current = current;
        }

        void start() {
            long interval = Math.max(minInterval.toMillis(), target.interval().toMillis());
            Instant now = clock.instant();
            long untilDelay = target.startedAt() == null ? 0
                    : Math.max(0, target.startedAt().plus(target.delay()).toEpochMilli() - now.toEpochMilli());
            long spread = Math.floorMod(target.key().hashCode(), interval);
            long first = untilDelay > 0 ? untilDelay : spread;
            future = timer.scheduleAtFixedRate(() -> fire(this), first, interval, TimeUnit.MILLISECONDS);
        }

        void cancel() {
            cancelled = true;
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }

        void record(ProbeOutcome outcome, Duration took) {
            metrics.checked(target.protocol(), HealthMetrics.resultTag(outcome.result()), took);
            if (cancelled || outcome.result() == ProbeOutcome.Result.IGNORED) {
                return;
            }
            HealthCounting.Step step;
            synchronized (this) {
                step = HealthCounting.probe(current, target.appId(), target.taskId(), target.instanceId(),
                        target.checkIndex(), target.version(), outcome.result() == ProbeOutcome.Result.HEALTHY,
                        outcome.cause(), clock.instant(), target.startedAt(), target.gracePeriodSeconds(),
                        target.maxConsecutiveFailures());
                if (step.result() != null) {
                    current = step.result();
                }
            }
            if (step.result() != null) {
                sink.result(target.appId(), step.result());
            }
            if (step.transition() != null) {
                sink.transition(step.transition());
                metrics.transition(step.transition().alive(), step.transition().exceeded());
            }
        }
    }
}
