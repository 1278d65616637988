package dev.pacer.secrets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * secrets-service's metrics (low-cardinality tags only: never a path, task or agent):
 * {@code pacer.secrets.reads{backend}}, {@code pacer.secrets.writes{backend}},
 * {@code pacer.secrets.grants.redeemed}, {@code pacer.secrets.grants.refused{reason}},
 * {@code pacer.secrets.backend.latency{backend,op}}, {@code pacer.secrets.backend.errors{backend,op}}.
 */
public class SecretsMetrics {

    private final MeterRegistry registry;

    public SecretsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void read(String backend) {
        Counter.builder("pacer.secrets.reads").description("Secret values read by agents").tag("backend", backend)
                .register(registry).increment();
    }

    public void written(String backend) {
        Counter.builder("pacer.secrets.writes").description("Secret versions written").tag("backend", backend)
                .register(registry).increment();
    }

    public void grantRedeemed() {
        Counter.builder("pacer.secrets.grants.redeemed").description("Grants redeemed by agents").register(registry).increment();
    }

    public void grantRefused(String reason) {
        Counter.builder("pacer.secrets.grants.refused").description("Grants refused, by reason").tag("reason", reason)
                .register(registry).increment();
    }

    public void backendCall(String backend, String op, Duration took, boolean failed) {
        Timer.builder("pacer.secrets.backend.latency").description("Calls to the secret backend")
                .tag("backend", backend).tag("op", op).register(registry).record(took);
        if (failed) {
            Counter.builder("pacer.secrets.backend.errors").description("Failed calls to the secret backend")
                    .tag("backend", backend).tag("op", op).register(registry).increment();
        }
    }
}
