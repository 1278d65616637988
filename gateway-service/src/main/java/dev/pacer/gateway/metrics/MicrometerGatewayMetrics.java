package dev.pacer.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@link GatewayMetrics} as Micrometer counters under {@code pacer.gateway.}. */
public final class MicrometerGatewayMetrics implements GatewayMetrics {

    private final MeterRegistry registry;
    private final Counter rateLimited;
    private final Counter noInstance;
    private final Counter loginThrottled;

    public MicrometerGatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimited = Counter.builder("pacer.gateway.rate.limited")
                .description("writes refused with 429 by the per-principal rate limiter").register(registry);
        this.noInstance = Counter.builder("pacer.gateway.apps.no.instance")
                .description("app-traffic requests answered 503: no UP instance").register(registry);
        this.loginThrottled = Counter.builder("pacer.gateway.authentication.throttled")
                .description("logins refused with 429 without a password check: too many recent failures").register(registry);
        for (String scheme : new String[] {"basic", "token", "bearer"}) {
            authenticationFailed(scheme, 0);
        }
    }

    @Override
    public void authenticationFailed(String scheme) {
        authenticationFailed(scheme, 1);
    }

    private void authenticationFailed(String scheme, int amount) {
        Counter.builder("pacer.gateway.authentication.failures").tag("scheme", scheme)
                .description("requests whose credentials were rejected (401)").register(registry).increment(amount);
    }

    @Override
    public void loginThrottled() {
        loginThrottled.increment();
    }

    @Override
    public void accessDenied(String action) {
        Counter.builder("pacer.gateway.access.denied").tag("action", action)
                .description("requests refused by the authorization rules (403)").register(registry).increment();
    }

    @Override
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void noInstance() {
        noInstance.increment();
    }
}
