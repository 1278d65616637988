package dev.pacer.boot.health;

import dev.pacer.boot.work.BoundedWork;
import dev.pacer.contract.health.HealthCounting;
import dev.pacer.contract.health.HealthResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The health-check loop of health-service and of the agents: each service hands it the checks it owns,
 * grouped (health-service by app, the agent by task), and a {@link Prober}; the engine does the rest.
 *
 * <ol>
 *   <li><b>Turns.</b> Each check fires every {@code interval} (at least {@code minInterval}) from the
 *       {@link CheckTimer}; the first at {@code delay} after the task started, or, once that has passed,
 *       at once — or spread over the interval by the check's key ({@code spreadFirstProbe}), so that
 *       adopted checks do not fire together.</li>
 *   <li><b>Bounded.</b> A turn only takes a slot and hands the probe to the prober's dispatcher. At most
 *       {@code maxInFlight} probes run at once; a probe finding no slot waits in a queue of
 *       {@code pendingCapacity}; beyond it, the turn is skipped ({@code QUEUE_FULL}). A check whose probe
 *       still runs or waits skips its turn ({@code OVERRUN}). Neither is ever counted as a failure: an
 *       overloaded checker must not make tasks unhealthy.</li>
 *   <li><b>Timeouts.</b> Probers end their own probes at the check's timeout; a probe that has still not
 *       answered when a later turn finds it past its timeout is counted as a failure
 *       ({@code timeout after N ms}), its slot freed and its late answer dropped.</li>
 *   <li><b>Counting.</b> Each outcome follows Marathon's rule ({@link HealthCounting}: grace period,
 *       consecutive failures, one transition per flip and one when the failures reach the maximum); an
 *       ignored outcome (HTTP 1xx) counts nothing. The result, then the transition, go to the
 *       {@link HealthResultSink}.</li>
 *   <li><b>Removal.</b> A check no longer wanted stops firing; an answer that arrives after is dropped.</li>
 * </ol>
 *
 * <p>This class keeps which checks run, by group; {@link CheckLoop} is one check's turns and count, and
 * {@link ProbeSlots} the bounded way from a turn to a probe.
 */
public final class HealthCheckEngine<T extends ScheduledCheck> implements BoundedWork, AutoCloseable {

    /**
     * @param name             the queue's name in readiness and the {@code pacer.work.*} metrics
     * @param minInterval      floor of every check's interval
     * @param maxInFlight      probes running at once
     * @param pendingCapacity  probes waiting for a slot (at least 1)
     * @param spreadFirstProbe a check whose delay has passed first fires at a point of its interval picked
     *                         by its key, instead of at once
     */
    public record Settings(String name, Duration minInterval, int maxInFlight, int pendingCapacity,
                           boolean spreadFirstProbe) {
    }

    private final HealthResultSink sink;
    private final CheckEvents events;
    private final Clock clock;
    private final CheckTimer timer;
    private final Settings settings;
    private final ProbeSlots<T> slots;
    private final Map<String, Map<String, CheckLoop<T>>> byGroup = new ConcurrentHashMap<>();

    public HealthCheckEngine(Prober<T> prober, HealthResultSink sink, CheckEvents events, Clock clock, CheckTimer timer,
                             Settings settings) {
        this.sink = sink;
        this.events = events;
        this.clock = clock;
        this.timer = timer;
        this.settings = settings;
        this.slots = new ProbeSlots<>(prober, events, clock, settings.maxInFlight(), settings.pendingCapacity());
    }

    /** Makes {@code wanted} the checks of {@code group}, without results known from elsewhere. */
    public void sync(String group, Collection<? extends T> wanted) {
        sync(group, wanted, (g, fields) -> Map.of());
    }

    /**
     * Makes {@code wanted} the checks of {@code group} that run here: starts new ones (their current result
     * read through {@code known}(group, fields), so counts carry over from a previous owner unless the
     * version changed), stops the others; a check equal to a running one keeps running.
     */
    public synchronized void sync(String group, Collection<? extends T> wanted,
                                  BiFunction<String, List<String>, Map<String, HealthResult>> known) {
        Map<String, CheckLoop<T>> running = byGroup.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        Map<String, T> byField = new HashMap<>();
        wanted.forEach(c -> byField.put(c.field(), c));
        running.values().removeIf(loop -> {
            boolean keep = loop.check().equals(byField.get(loop.check().field()));
            if (!keep) {
                loop.cancel();
            }
            return !keep;
        });
        List<String> added = byField.keySet().stream().filter(f -> !running.containsKey(f)).toList();
        if (!added.isEmpty()) {
            Map<String, HealthResult> results = known.apply(group, added);
            for (String field : added) {
                T check = byField.get(field);
                HealthResult previous = results.get(field);
                boolean sameVersion = previous == null || check.version() == null
                        || check.version().equals(previous.version());
                CheckLoop<T> loop = new CheckLoop<>(check, sameVersion ? previous : null, sink, events, clock);
                running.put(field, loop);
                loop.start(timer, settings.minInterval(), settings.spreadFirstProbe(), () -> slots.fire(loop));
            }
        }
        if (running.isEmpty()) {
            byGroup.remove(group, running);
        }
    }

    /** Stops every check of {@code group}. */
    public void remove(String group) {
        sync(group, List.of());
    }

    public boolean checking(String group) {
        return byGroup.containsKey(group);
    }

    /** Groups with checks running here. */
    public List<String> groups() {
        return List.copyOf(byGroup.keySet());
    }

    /** Checks running here. */
    public int checks() {
        return byGroup.values().stream().mapToInt(Map::size).sum();
    }

    /** Distinct tasks checked here. */
    public int tasks() {
        return (int) byGroup.values().stream().flatMap(m -> m.values().stream()).map(l -> l.check().taskId()).distinct()
                .count();
    }

    /** Checks whose current result is not alive. */
    public int unhealthy() {
        return (int) byGroup.values().stream().flatMap(m -> m.values().stream())
                .filter(l -> l.current() != null && !l.current().alive()).count();
    }

    public synchronized void stopAll() {
        byGroup.values().forEach(m -> m.values().forEach(CheckLoop::cancel));
        byGroup.clear();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public int queued() {
        return slots.queued();
    }

    @Override
    public int capacity() {
        return settings.pendingCapacity();
    }

    @Override
    public int workers() {
        return settings.maxInFlight();
    }

    @Override
    public int busy() {
        return settings.maxInFlight() - slots.free();
    }

    @Override
    public void close() {
        stopAll();
        timer.close();
    }
}
