package dev.pacer.bench;

import java.time.Duration;
import java.util.List;

/**
 * One measured phase: {@code requests} of one op on {@code threads} client threads against a store of
 * {@code size} apps. Latencies of successful requests only; failures are counted and a few kept.
 *
 * @param wall          from the first request sent to the last answer received
 * @param loadAverage   the host's one-minute load average when the phase started (noise indicator)
 */
public record PhaseResult(int size, Op op, int threads, Samples latencies, int errors, List<String> errorExamples,
                          Duration wall, double loadAverage) {

    public PhaseResult {
        errorExamples = List.copyOf(errorExamples);
    }

    public int requests() {
        return latencies.count() + errors;
    }

    /** Successful requests per second over the phase's wall time. */
    public double throughput() {
        double seconds = wall.toNanos() / 1e9;
        return seconds > 0 ? latencies.count() / seconds : 0;
    }
}
