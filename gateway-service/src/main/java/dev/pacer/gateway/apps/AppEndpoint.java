package dev.pacer.gateway.apps;

/** One instance of an app as Eureka lists it. Only {@code UP} ones receive traffic. */
public record AppEndpoint(String instanceId, String host, int port, String status) {

    public boolean up() {
        return "UP".equals(status) && port > 0;
    }
}
