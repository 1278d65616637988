package dev.pacer.health.check;

import dev.pacer.boot.health.CheckEvents;
import dev.pacer.boot.health.ProbeOutcome;
import dev.pacer.contract.health.HealthTransition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checker's metrics, cheap enough for tens of thousands of probes a second (meters are looked up
 * once per protocol and result): {@code pacer.health.checks{protocol,result}} (healthy, unhealthy,
 * ignored; skipped: the probe queue was full; overrun: the previous probe of the check was still running;
 * error: the prober threw), {@code pacer.health.check.latency{protocol}}, {@code pacer.health.transitions{to}}
 * (healthy, unhealthy, exceeded).
 */
public final class HealthMetrics implements CheckEvents {

    private final MeterRegistry registry;
    private final Map<String, Counter> checks = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<String, Counter> transitions = new ConcurrentHashMap<>();

    public HealthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void probed(String protocol, ProbeOutcome.Result result, Duration took) {
        checked(protocol, result.name().toLowerCase(Locale.ROOT), took);
    }

    @Override
    public void notRun(String protocol, NotRun reason) {
        checked(protocol, switch (reason) {
            case OVERRUN -> "overrun";
            case QUEUE_FULL -> "skipped";
            case ERROR -> "error";
        }, null);
    }

    @Override
    public void transitioned(HealthTransition transition) {
        String to = transition.exceeded() ? "exceeded" : transition.alive() ? "healthy" : "unhealthy";
        transitions.computeIfAbsent(to, t -> Counter.builder("pacer.health.transitions")
                .description("Health transitions published (only changes go on the bus)")
                .tag("to", t).register(registry)).increment();
    }

    private void checked(String protocol, String result, Duration took) {
        checks.computeIfAbsent(protocol + "/" + result, k -> Counter.builder("pacer.health.checks")
                .description("Health probes by protocol and result (skipped: not run, the checker was saturated)")
                .tag("protocol", protocol).tag("result", result).register(registry)).increment();
        if (took != null) {
            latency.computeIfAbsent(protocol, p -> Timer.builder("pacer.health.check.latency")
                    .description("Time from sending a probe to its outcome (timeouts included)")
                    .tag("protocol", p).publishPercentiles(0.5, 0.99).register(registry)).record(took);
        }
    }
}
