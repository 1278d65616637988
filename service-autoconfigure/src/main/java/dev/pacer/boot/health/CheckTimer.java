package dev.pacer.boot.health;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** When the engine's checks fire: one daemon timer thread ({@link #onThread}), or a test's hand-driven timer. */
public interface CheckTimer extends AutoCloseable {

    /** Runs {@code turn} after {@code firstMs}, then every {@code periodMs}; the answer stops it. */
    Runnable every(long firstMs, long periodMs, Runnable turn);

    @Override
    void close();

    /** A timer on one daemon thread of that name; a turn must not block (it only hands a probe on). */
    static CheckTimer onThread(String threadName) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        return new CheckTimer() {
            @Override
            public Runnable every(long firstMs, long periodMs, Runnable turn) {
                ScheduledFuture<?> future = timer.scheduleAtFixedRate(turn, firstMs, periodMs, TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }
}
