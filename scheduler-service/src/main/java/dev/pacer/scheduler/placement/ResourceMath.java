package dev.pacer.scheduler.placement;

import dev.pacer.contract.agent.Resources;

/**
 * Resource arithmetic rounded to 3 decimals, as the claim scripts do it, so that repeated claims and
 * releases never drift (0.1 + 0.2 is 0.3 here, and a release never leaves -0.000…1).
 */
public final class ResourceMath {

    private ResourceMath() {
    }

    public static double round3(double value) {
        return Math.floor(value * 1000 + 0.5) / 1000;
    }

    /** Rounded to 6 decimals: scores that differ only by floating-point noise tie. */
    public static double round6(double value) {
        return Math.rint(value * 1_000_000) / 1_000_000;
    }

    /** Whether {@code wanted} more fits next to {@code used} within {@code capacity}. */
    public static boolean fits(double used, double wanted, double capacity) {
        return round3(used + wanted) <= round3(capacity);
    }

    public static Resources plus(Resources a, Resources b) {
        return new Resources(round3(a.cpus() + b.cpus()), round3(a.mem() + b.mem()), round3(a.disk() + b.disk()));
    }

    /** {@code part / whole}, 0 for nothing of nothing, 1 for something of nothing. */
    public static double share(double part, double whole) {
        if (whole <= 0) {
            return part <= 0 ? 0 : 1;
        }
        return part / whole;
    }
}
