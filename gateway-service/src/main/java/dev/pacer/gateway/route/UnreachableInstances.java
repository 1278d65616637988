package dev.pacer.gateway.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;

/**
 * Passive outlier ejection for the control-plane routes: an instance the gateway could not connect to
 * is skipped for {@code ejection} (it is dead, or gone, but still listed until its Eureka lease
 * expires — about 15 s after it died). Without this, every retry draws again from a list that still
 * holds it, and a request can draw it every time. Unless every instance is ejected: then all are
 * tried, since a list without any instance is a certain 503.
 */
public class UnreachableInstances {

    private static final Logger log = LoggerFactory.getLogger(UnreachableInstances.class);

    private final Duration ejection;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Long> ejectedUntil = new ConcurrentHashMap<>();

    public UnreachableInstances(Duration ejection, Clock clock, MeterRegistry registry) {
        this.ejection = ejection;
        this.clock = clock;
        this.registry = registry;
    }

    /** The gateway could not connect to this instance of {@code service}: skip it for a while. */
    void unreachable(String service, String host, int port) {
        Counter.builder("pacer.gateway.upstream.unreachable")
                .description("Connections to a listed instance that failed (refused, timed out, no route)")
                .tag("upstream", service).register(registry).increment();
        if (ejectedUntil.put(key(host, port), clock.millis() + ejection.toMillis()) == null) {
            log.warn("Instance {}:{} of {} cannot be reached: skipped for {} s", host, port, service, ejection.toSeconds());
        }
    }

    /** The instances not ejected now, or all of them when every one is. */
    List<ServiceInstance> reachable(List<ServiceInstance> instances) {
        long now = clock.millis();
        ejectedUntil.values().removeIf(until -> until <= now);
        if (ejectedUntil.isEmpty()) {
            return instances;
        }
        List<ServiceInstance> reachable = instances.stream()
                .filter(i -> !ejectedUntil.containsKey(key(i.getHost(), i.getPort()))).toList();
        return reachable.isEmpty() ? instances : reachable;
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }
}
