package dev.pacer.boot.health;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * How a check's turn becomes a probe in the {@link HealthCheckEngine}, bounded: at most {@code maxInFlight} probes
 * run at once on the prober's dispatcher; a turn finding no slot waits in a queue of {@code pendingCapacity},
 * beyond which it is skipped ({@code QUEUE_FULL}); a check whose probe still runs or waits skips its turn
 * ({@code OVERRUN}) — neither counts as a failure. A probe found past its timeout by a later turn is counted as
 * timed out, its slot freed; whatever it answers later is dropped.
 */
final class ProbeSlots<T extends ScheduledCheck> {

    private final Prober<T> prober;
    private final Executor dispatch;
    private final CheckEvents events;
    private final Clock clock;
    private final Semaphore slots;
    private final ArrayBlockingQueue<ProbeAttempt<T>> pending;

    ProbeSlots(Prober<T> prober, CheckEvents events, Clock clock, int maxInFlight, int pendingCapacity) {
        this.prober = prober;
        this.dispatch = prober.dispatcher();
        this.events = events;
        this.clock = clock;
        this.slots = new Semaphore(maxInFlight);
        this.pending = new ArrayBlockingQueue<>(pendingCapacity);
    }

    /** Turns waiting for a slot. */
    int queued() {
        return pending.size();
    }

    /** Slots free now. */
    int free() {
        return slots.availablePermits();
    }

    /** A turn of {@code loop}: starts a probe, queues it, or skips the turn. */
    void fire(CheckLoop<T> loop) {
        if (loop.cancelled()) {
            return;
        }
        String protocol = loop.check().protocol();
        ProbeAttempt<T> previous = loop.attempt.get();
        if (previous != null) {
            if (!previous.overdue(clock.millis())) {
                events.notRun(protocol, CheckEvents.NotRun.OVERRUN);
                return;
            }
            finish(previous, ProbeOutcome.timedOut(loop.check().timeout()),
                    Duration.ofMillis(clock.millis() - previous.startedMillis));
        }
        ProbeAttempt<T> next = new ProbeAttempt<>(loop);
        if (!loop.attempt.compareAndSet(null, next)) {
            events.notRun(protocol, CheckEvents.NotRun.OVERRUN);
        } else if (slots.tryAcquire()) {
            start(next);
        } else if (pending.offer(next)) {
            drain(); // a slot may have come free since tryAcquire
        } else {
            loop.attempt.compareAndSet(next, null);
            events.notRun(protocol, CheckEvents.NotRun.QUEUE_FULL);
        }
    }

    /** Holds a slot: hands the probe to the dispatcher. */
    private void start(ProbeAttempt<T> attempt) {
        try {
            dispatch.execute(() -> run(attempt));
        } catch (RejectedExecutionException e) {
            end(attempt);
            events.notRun(attempt.loop.check().protocol(), CheckEvents.NotRun.QUEUE_FULL);
        }
    }

    private void run(ProbeAttempt<T> attempt) {
        attempt.startedNanos = System.nanoTime();
        attempt.startedMillis = clock.millis();
        try {
            prober.probe(attempt.loop.check(), outcome ->
                    finish(attempt, outcome, Duration.ofNanos(System.nanoTime() - attempt.startedNanos)));
        } catch (RuntimeException e) {
            if (attempt.over.compareAndSet(false, true)) {
                end(attempt);
                events.notRun(attempt.loop.check().protocol(), CheckEvents.NotRun.ERROR);
            }
        }
    }

    /** Counts the first answer of an attempt (a late one, after its timeout was counted, is dropped). */
    private void finish(ProbeAttempt<T> attempt, ProbeOutcome outcome, Duration took) {
        if (!attempt.over.compareAndSet(false, true)) {
            return;
        }
        try {
            attempt.loop.record(outcome, took);
        } finally {
            end(attempt);
        }
    }

    private void end(ProbeAttempt<T> attempt) {
        attempt.over.set(true);
        attempt.loop.attempt.compareAndSet(attempt, null);
        slots.release();
        drain();
    }

    private void drain() {
        while (!pending.isEmpty() && slots.tryAcquire()) {
            ProbeAttempt<T> next = pending.poll();
            if (next == null) {
                slots.release();
                return;
            }
            if (next.loop.cancelled()) {
                next.over.set(true);
                next.loop.attempt.compareAndSet(next, null);
                slots.release();
                continue;
            }
            start(next);
        }
    }
}
