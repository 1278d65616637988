package dev.pacer.boot.health;

import dev.pacer.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link CheckTimer} the test drives: {@link #advance} moves the clock and runs every turn that falls due, in order. */
final class ManualTimer implements CheckTimer {

    private final MutableClock clock;
    private final List<Entry> entries = new ArrayList<>();

    ManualTimer(MutableClock clock) {
        this.clock = clock;
    }

    private static final class Entry {
        long due;
        final long period;
        final Runnable turn;
        volatile boolean stopped;

        Entry(long due, long period, Runnable turn) {
            this.due = due;
            this.period = period;
            this.turn = turn;
        }
    }

    @Override
    public synchronized Runnable every(long firstMs, long periodMs, Runnable turn) {
        Entry entry = new Entry(clock.millis() + firstMs, periodMs, turn);
        entries.add(entry);
        return () -> entry.stopped = true;
    }

    void advance(Duration by) {
        long end = clock.millis() + by.toMillis();
        while (true) {
            Entry next;
            synchronized (this) {
                next = entries.stream().filter(e -> !e.stopped && e.due <= end)
                        .min(Comparator.comparingLong(e -> e.due)).orElse(null);
            }
            if (next == null) {
                break;
            }
            clock.advance(Duration.ofMillis(next.due - clock.millis()));
            next.due += next.period;
            next.turn.run();
        }
        clock.advance(Duration.ofMillis(end - clock.millis()));
    }

    synchronized long active() {
        return entries.stream().filter(e -> !e.stopped).count();
    }

    @Override
    public void close() {
        synchronized (this) {
            entries.forEach(e -> e.stopped = true);
        }
    }
}
