package dev.pacer.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What the launcher prints while the stack comes up, each line stamped with the time since the launch:
 * each step, each process started and then ready (with how long it took), and every {@link #HEARTBEAT}
 * without news a line naming what it still waits for, so that a start-up is never silent.
 */
final class StackProgress {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastLine;

    StackProgress(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastLine = start;
    }

    static StackProgress toStdout() {
        return new StackProgress(System.out, System::nanoTime);
    }

    /** Time since the launch. */
    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    void step(String what) {
        line(what);
    }

    void started(String name, int port, String log) {
        line(String.format(Locale.ROOT, "started %-18s :%-5d log %s", name, port, log));
    }

    void ready(String name, Duration took) {
        line(String.format(Locale.ROOT, "ready   %-18s in %.1f s", name, seconds(took)));
    }

    /** Called while waiting; prints a line only when nothing was printed for {@link #HEARTBEAT}. */
    void waiting(Collection<String> names) {
        if (nanoTime.getAsLong() - lastLine >= HEARTBEAT.toNanos()) {
            line("waiting for " + String.join(", ", names) + " ...");
        }
    }

    private void line(String text) {
        long now = nanoTime.getAsLong();
        lastLine = now;
        out.printf(Locale.ROOT, "[%5.1f s] %s%n", seconds(Duration.ofNanos(now - start)), text);
        out.flush();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
