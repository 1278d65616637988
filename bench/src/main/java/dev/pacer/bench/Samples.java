package dev.pacer.bench;

import java.util.Arrays;

/**
 * Every latency of one phase, in nanoseconds, sorted once. Percentiles use the nearest-rank method
 * (the smallest sample such that at least {@code q} of all samples are at or below it), so every
 * reported figure is a latency that was really observed, never an interpolation.
 */
public final class Samples {

    private final long[] sorted;

    public Samples(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(this.sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** True when every request of the phase failed: there is no latency to report. */
    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The nearest-rank percentile for {@code q} in (0, 1]: {@code sorted[ceil(q * n) - 1]}. */
    public long percentile(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in (0, 1]: " + q);
        }
        if (isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long p50() {
        return percentile(0.50);
    }

    public long p90() {
        return percentile(0.90);
    }

    public long p99() {
        return percentile(0.99);
    }

    public long max() {
        if (isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        return sorted[sorted.length - 1];
    }
}
