package dev.pacer.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The result of a run as Markdown: what ran where, one row per phase, then per (op, threads) the
 * ratio of the largest store's percentile to the smallest's, checked against the flatness target.
 */
public final class MarkdownReport {

    /** p50 and p99 at the largest size may be at most this many times those at the smallest. */
    public static final double FLAT_TARGET = 1.2;

    /** What the figures need beside them: when, how, on what. {@code notes} are bullet points. */
    public record RunInfo(String started, String command, String machine, String scheduler, List<String> notes) {

        public RunInfo {
            notes = List.copyOf(notes);
        }
    }

    /** One (op, threads) compared across the smallest and largest store. */
    public record Ratio(Op op, int threads, int smallSize, int largeSize, Double p50, Double p99) {

        public boolean flat() {
            return p50 != null && p99 != null && p50 <= FLAT_TARGET && p99 <= FLAT_TARGET;
        }
    }

    private MarkdownReport() {
    }

    public static String render(RunInfo info, List<PhaseResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Pacer API latency by store size — ").append(info.started()).append("\n\n");
        md.append("- Command: `").append(info.command()).append("`\n");
        md.append("- Machine: ").append(info.machine()).append('\n');
        md.append("- Scheduler: ").append(info.scheduler()).append('\n');
        info.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\nLatency in ms (nearest-rank percentiles of every successful request), throughput in successful ")
                .append("requests/s, `load` = host 1-min load average when the phase started.\n\n");
        md.append("| apps | op | threads | ok | errors | p50 | p90 | p99 | max | req/s | load |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult r : results) {
            Samples s = r.latencies();
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %d | %s | %s | %s | %s | %.0f | %.2f |%n",
                    r.size(), r.op().label(), r.threads(), s.count(), r.errors(),
                    ms(s, Samples::p50), ms(s, Samples::p90), ms(s, Samples::p99), ms(s, Samples::max),
                    r.throughput(), r.loadAverage()));
        }
        List<Ratio> ratios = ratios(results);
        if (!ratios.isEmpty()) {
            Ratio first = ratios.get(0);
            md.append(String.format(Locale.ROOT, "%n## Ratios: %d apps / %d apps (target: flat, ≤ %.1f)%n%n",
                    first.largeSize(), first.smallSize(), FLAT_TARGET));
            md.append("| op | threads | p50 ratio | p99 ratio | flat |\n|---|---:|---:|---:|---|\n");
            for (Ratio r : ratios) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", r.op().label(), r.threads(),
                        ratio(r.p50()), ratio(r.p99()), r.op() == Op.PING ? "(control)" : r.flat() ? "yes" : "**no**"));
            }
            md.append('\n').append(verdict(ratios)).append('\n');
        }
        errors(results).ifPresent(md::append);
        return md.toString();
    }

    /** Per (op, threads), in the order first measured: largest size's p50/p99 over the smallest's. */
    public static List<Ratio> ratios(List<PhaseResult> results) {
        List<Ratio> ratios = new ArrayList<>();
        if (results.isEmpty()) {
            return ratios;
        }
        int small = results.stream().mapToInt(PhaseResult::size).min().orElseThrow();
        int large = results.stream().mapToInt(PhaseResult::size).max().orElseThrow();
        if (small == large) {
            return ratios;
        }
        for (PhaseResult a : results) {
            if (a.size() != small) {
                continue;
            }
            results.stream()
                    .filter(b -> b.size() == large && b.op() == a.op() && b.threads() == a.threads())
                    .findFirst()
                    .ifPresent(b -> ratios.add(new Ratio(a.op(), a.threads(), small, large,
                            divide(b.latencies(), a.latencies(), Samples::p50),
                            divide(b.latencies(), a.latencies(), Samples::p99))));
        }
        ratios.sort(Comparator.comparing(Ratio::op).thenComparingInt(Ratio::threads));
        return ratios;
    }

    /** One sentence: did the API ops (not the control) stay within the target? */
    static String verdict(List<Ratio> ratios) {
        List<Ratio> api = ratios.stream().filter(r -> r.op() != Op.PING).toList();
        List<String> over = api.stream().filter(r -> !r.flat())
                .map(r -> r.op().label() + "×" + r.threads() + " (p50 " + ratio(r.p50()) + ", p99 " + ratio(r.p99()) + ")")
                .toList();
        if (api.isEmpty()) {
            return "**Verdict:** nothing but the control was measured.";
        }
        return over.isEmpty()
                ? String.format(Locale.ROOT, "**Verdict: flat** — every p50 and p99 ratio of write and read is ≤ %.1f.", FLAT_TARGET)
                : String.format(Locale.ROOT, "**Verdict: not flat** — over %.1f: %s.", FLAT_TARGET, String.join(", ", over));
    }

    private static Optional<String> errors(List<PhaseResult> results) {
        List<PhaseResult> failed = results.stream().filter(r -> r.errors() > 0).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder("\n## Errors (examples)\n\n");
        for (PhaseResult r : failed) {
            md.append(String.format("- %d apps, %s×%d: %d of %d failed; e.g. %s%n", r.size(), r.op().label(), r.threads(),
                    r.errors(), r.requests(), String.join(" | ", r.errorExamples())));
        }
        return Optional.of(md.toString());
    }

    private static Double divide(Samples numerator, Samples denominator, ToLongFunction<Samples> percentile) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return null;
        }
        return (double) percentile.applyAsLong(numerator) / percentile.applyAsLong(denominator);
    }

    private static String ms(Samples samples, ToLongFunction<Samples> percentile) {
        return samples.isEmpty() ? "—" : String.format(Locale.ROOT, "%.2f", percentile.applyAsLong(samples) / 1e6);
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
