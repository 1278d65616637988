package dev.pacer.scheduler.system;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Marathon's {@code GET /metrics} (reference §3.6, RAML {@code types/newMetrics.raml}): Dropwizard's JSON
 * layout — {@code version}, {@code counters}, {@code gauges}, {@code histograms}, {@code meters},
 * {@code timers} — built from the service's Micrometer registry, one entry per meter, named by Micrometer's
 * hierarchical mapping without the common {@code service} and {@code application} tags ({@code pacer.scheduler.placements.result.placed}).
 *
 * <p>Micrometer keeps cumulative figures: {@code count}, {@code mean}, {@code max} and {@code mean_rate}
 * (count over the process' uptime) are measured; the percentiles are measured where the meter publishes
 * them; what Micrometer does not keep (exponentially weighted {@code m1/m5/m15} rates, {@code min},
 * {@code stddev}, unpublished percentiles) is written as 0.
 */
public final class MarathonMetrics {

    /** Dropwizard's metrics-json version Marathon 1.x reports. */
    public static final String VERSION = "4.0.0";
    /** The common tags every meter carries (pacer-defaults.properties): the answering service's name, twice. */
    private static final Set<String> COMMON_TAGS = Set.of("service", "application");
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final String[] PERCENTILE_KEYS = {"p50", "p75", "p95", "p98", "p99", "p999"};

    private MarathonMetrics() {
    }

    public static Map<String, Object> of(MeterRegistry registry, Duration uptime) {
        double seconds = Math.max(1e-3, uptime.toMillis() / 1000.0);
        Map<String, Object> counters = new TreeMap<>();
        Map<String, Object> gauges = new TreeMap<>();
        Map<String, Object> histograms = new TreeMap<>();
        Map<String, Object> meters = new TreeMap<>();
        Map<String, Object> timers = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String name = HierarchicalNameMapper.DEFAULT.toHierarchicalName(withoutServiceTag(meter.getId()),
                    NamingConvention.dot);
            meter.use(
                    gauge -> gauges.put(name, Map.of("value", finite(gauge.value()))),
                    counter -> counters.put(name, Map.of("count", (long) counter.count())),
                    timer -> timers.put(name, timer(timer.takeSnapshot(), timer.count(), seconds)),
                    summary -> histograms.put(name, histogram(summary.takeSnapshot(), summary.count())),
                    longTask -> timers.put(name, timer(longTask.takeSnapshot(), longTask.activeTasks(), seconds)),
                    timeGauge -> gauges.put(name, Map.of("value", finite(timeGauge.value(TimeUnit.SECONDS)))),
                    functionCounter -> counters.put(name, Map.of("count", (long) functionCounter.count())),
                    functionTimer -> timers.put(name, functionTimer(functionTimer, seconds)),
                    other -> { });
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", VERSION);
        body.put("counters", counters);
        body.put("gauges", gauges);
        body.put("histograms", histograms);
        body.put("meters", meters);
        body.put("timers", timers);
        return body;
    }

    private static Map<String, Object> histogram(HistogramSnapshot snapshot, long count) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("count", count);
        h.put("min", 0.0);
        h.put("mean", finite(snapshot.mean()));
        h.put("max", finite(snapshot.max()));
        percentiles(snapshot, h, TimeUnit.SECONDS, false);
        h.put("stddev", 0.0);
        return h;
    }

    private static Map<String, Object> timer(HistogramSnapshot snapshot, long count, double uptimeSeconds) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("count", count);
        t.put("min", 0.0);
        t.put("mean", finite(snapshot.mean(TimeUnit.SECONDS)));
        t.put("max", finite(snapshot.max(TimeUnit.SECONDS)));
        percentiles(snapshot, t, TimeUnit.SECONDS, true);
        t.put("stddev", 0.0);
        rates(t, count, uptimeSeconds);
        t.put("duration_units", "seconds");
        t.put("rate_units", "calls/second");
        return t;
    }

    private static Map<String, Object> functionTimer(FunctionTimer timer, double uptimeSeconds) {
        long count = (long) timer.count();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("count", count);
        t.put("min", 0.0);
        t.put("mean", finite(timer.mean(TimeUnit.SECONDS)));
        t.put("max", 0.0);
        for (String key : PERCENTILE_KEYS) {
            t.put(key, 0.0);
        }
        t.put("stddev", 0.0);
        rates(t, count, uptimeSeconds);
        t.put("duration_units", "seconds");
        t.put("rate_units", "calls/second");
        return t;
    }

    private static void percentiles(HistogramSnapshot snapshot, Map<String, Object> into, TimeUnit unit, boolean time) {
        for (int i = 0; i < PERCENTILES.length; i++) {
            double value = 0.0;
            for (ValueAtPercentile published : snapshot.percentileValues()) {
                if (Math.abs(published.percentile() - PERCENTILES[i]) < 1e-9) {
                    value = time ? published.value(unit) : published.value();
                }
            }
            into.put(PERCENTILE_KEYS[i], finite(value));
        }
    }

    private static void rates(Map<String, Object> into, long count, double uptimeSeconds) {
        into.put("m1_rate", 0.0);
        into.put("m5_rate", 0.0);
        into.put("m15_rate", 0.0);
        into.put("mean_rate", finite(count / uptimeSeconds));
    }

    /** Every meter carries the common tags {@code service} and {@code application}: the answering service, not worth repeating. */
    private static Meter.Id withoutServiceTag(Meter.Id id) {
        Tags tags = Tags.of(id.getTags().stream().filter(t -> !COMMON_TAGS.contains(t.getKey())).toList());
        return new Meter.Id(id.getName(), tags, id.getBaseUnit(), id.getDescription(), id.getType());
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }
}
