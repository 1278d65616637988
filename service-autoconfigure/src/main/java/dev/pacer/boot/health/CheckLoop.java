package dev.pacer.boot.health;

import dev.pacer.contract.health.HealthCounting;
import dev.pacer.contract.health.HealthResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One check running in the {@link HealthCheckEngine}: when its turns come (its timer), the probe it has in flight,
 * and its count — each outcome counted by Marathon's rule ({@link HealthCounting}), the result then the
 * transition handed to the {@link HealthResultSink}.
 */
final class CheckLoop<T extends ScheduledCheck> {

    private final T check;
    private final HealthResultSink sink;
    private final CheckEvents events;
    private final Clock clock;
    /** The probe in flight (waiting for a slot or running), if any. */
    final AtomicReference<ProbeAttempt<T>> attempt = new AtomicReference<>();
    private volatile HealthResult current;
    private volatile boolean cancelled;
    private volatile Runnable stop;

    /** @param current the check's result known so far (carried over from a previous owner), or null */
    CheckLoop(T check, HealthResult current, HealthResultSink sink, CheckEvents events, Clock clock) {
        this.check = check;
        this.current = current;
        this.sink = sink;
        this.events = events;
        this.clock = clock;
    }

    T check() {
        return check;
    }

    HealthResult current() {
        return current;
    }

    boolean cancelled() {
        return cancelled;
    }

    /**
     * Starts the turns on {@code timer}: every interval (at least {@code minInterval}), the first at the check's
     * delay after its task started — or, once that has passed, at once or (with {@code spreadFirstProbe}) at a
     * point of the interval picked by the check's key.
     */
    void start(CheckTimer timer, Duration minInterval, boolean spreadFirstProbe, Runnable turn) {
        long interval = Math.max(minInterval.toMillis(), check.interval().toMillis());
        long untilDelay = check.startedAt() == null ? 0
                : Math.max(0, check.startedAt().plus(check.delay()).toEpochMilli() - clock.millis());
        long first = untilDelay > 0 || !spreadFirstProbe ? untilDelay : Math.floorMod(check.key().hashCode(), interval);
        stop = timer.every(first, interval, turn);
    }

    /** No more turns; an answer still in flight is not counted. */
    void cancel() {
        cancelled = true;
        Runnable s = stop;
        if (s != null) {
            s.run();
        }
    }

    /** Counts one probe's outcome (an ignored one, or one after {@link #cancel}, counts nothing). */
    void record(ProbeOutcome outcome, Duration took) {
        events.probed(check.protocol(), outcome.result(), took);
        if (cancelled || outcome.result() == ProbeOutcome.Result.IGNORED) {
            return;
        }
        HealthCounting.Step step;
        synchronized (this) {
            step = HealthCounting.probe(current, check.appId(), check.taskId(), check.instanceId(),
                    check.checkIndex(), check.version(), outcome.result() == ProbeOutcome.Result.HEALTHY,
                    outcome.cause(), clock.instant(), check.startedAt(), check.gracePeriodSeconds(),
                    check.maxConsecutiveFailures());
            if (step.result() != null) {
                current = step.result();
            }
        }
        if (step.result() != null) {
            sink.result(check.appId(), step.result());
        }
        if (step.transition() != null) {
            sink.transition(step.transition());
            events.transitioned(step.transition());
        }
    }
}
