package dev.pacer.contract;

import java.util.Arrays;

/** The control-plane services, by the name they register under in discovery. */
public enum ServiceName {
    DISCOVERY("discovery-service"),
    GATEWAY("gateway-service"),
    SCHEDULER("scheduler-service"),
    SECRETS("secrets-service"),
    HEALTH("health-service"),
    AGENT("agent-service");

    private final String id;

    ServiceName(String id) {
        this.id = id;
    }

    /** The {@code spring.application.name}, lower case, as Eureka clients use it in {@code lb://} URIs. */
    public String id() {
        return id;
    }

    public static ServiceName parse(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id.equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + id + "'"));
    }

    @Override
    public String toString() {
        return id;
    }
}
