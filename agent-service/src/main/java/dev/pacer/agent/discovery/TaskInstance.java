package dev.pacer.agent.discovery;

import java.util.Map;

/**
 * A task as an instance in Eureka, and where it stands: the status it should have ({@code desired},
 * from its task state and health) and the one Eureka was last told ({@code current}, null before it
 * was registered). Touched by the registrar's single worker thread only.
 */
final class TaskInstance {

    private final String taskId;
    private final String appId;
    private final String appName;
    private final String host;
    private final int port;
    private final String statusPageUrl;
    private final int healthChecks;
    private final Map<String, String> metadata;
    private final int renewSeconds;
    private final int leaseSeconds;
    String desired;
    String current;
    boolean draining;
    boolean everUp;
    /** The instance's version in Eureka: the time it was last registered (0 before). */
    long dirtyTimestamp;

    TaskInstance(String taskId, String appId, String appName, String host, int port, String statusPageUrl,
                 int healthChecks, Map<String, String> metadata, int renewSeconds, int leaseSeconds) {
        this.taskId = taskId;
        this.appId = appId;
        this.appName = appName;
        this.host = host;
        this.port = port;
        this.statusPageUrl = statusPageUrl;
        this.healthChecks = healthChecks;
        this.metadata = Map.copyOf(metadata);
        this.renewSeconds = renewSeconds;
        this.leaseSeconds = leaseSeconds;
    }

    String taskId() {
        return taskId;
    }

    String appId() {
        return appId;
    }

    String appName() {
        return appName;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** What the Eureka dashboard links the instance to; null: no link. */
    String statusPageUrl() {
        return statusPageUrl;
    }

    int healthChecks() {
        return healthChecks;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    int renewSeconds() {
        return renewSeconds;
    }

    int leaseSeconds() {
        return leaseSeconds;
    }

    boolean registered() {
        return current != null;
    }
}
