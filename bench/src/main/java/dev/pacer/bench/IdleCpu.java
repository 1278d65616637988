package dev.pacer.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * CPU that the scheduler and Redis burn while no request arrives: their background work (the
 * periodic resync of every app, lease renewals). A per-request path can be O(1) and the service still
 * slow down with the store when this grows with it, so it is measured before each size's phases.
 */
final class IdleCpu {

    private IdleCpu() {
    }

    /** e.g. "idle CPU over 10 s: scheduler 57% of a core, redis 7%". */
    static String measure(ProcessHandle scheduler, ProcessHandle redis, Duration window) {
        Duration s0 = cpu(scheduler);
        Duration r0 = cpu(redis);
        long t0 = System.nanoTime();
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double wall = System.nanoTime() - t0;
        return String.format(Locale.ROOT, "idle CPU over %d s: scheduler %.0f%% of a core, redis %.0f%%",
                window.toSeconds(), 100 * cpu(scheduler).minus(s0).toNanos() / wall, 100 * cpu(redis).minus(r0).toNanos() / wall);
    }

    /** CPU time of a process and its descendants (redis-server may run under setsid). */
    static Duration cpu(ProcessHandle process) {
        Duration own = process.info().totalCpuDuration().orElse(Duration.ZERO);
        return process.descendants().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(own, Duration::plus);
    }
}
