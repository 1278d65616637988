package dev.pacer.contract;

/**
 * Every HTTP path of Pacer's public API, in one place: controllers and the gateway's routes read these, so
 * the services never disagree on a path. Tests spell many paths out on purpose (a test is a client, and
 * a client writes the URL it calls).
 */
public final class ApiPaths {

    // Marathon v2, served by scheduler-service
    public static final String PING = "/ping";
    public static final String METRICS = "/metrics";
    public static final String V2 = "/v2";
    public static final String V2_INFO = V2 + "/info";
    public static final String V2_LEADER = V2 + "/leader";
    public static final String V2_APPS = V2 + "/apps";
    public static final String V2_TASKS = V2 + "/tasks";
    public static final String V2_QUEUE = V2 + "/queue";
    public static final String V2_GROUPS = V2 + "/groups";
    public static final String V2_DEPLOYMENTS = V2 + "/deployments";
    /** Marathon's event stream (SSE), served by the gateway from the event stream in Redis. */
    public static final String V2_EVENTS = V2 + "/events";
    /** Marathon's plugins: Pacer loads none ({@code {"plugins":[]}}). */
    public static final String V2_PLUGINS = V2 + "/plugins";
    /** Marathon's pods: not supported by Pacer, answered with a JSON 501 on every method and sub-path. */
    public static final String V2_PODS = V2 + "/pods";

    // Pacer's own APIs, one prefix per owning service
    public static final String API = "/api";
    public static final String API_SECRETS = API + "/secrets";
    public static final String API_HEALTH = API + "/health";
    public static final String API_HEALTH_MEMBERS = API_HEALTH + "/members";

    /**
     * The OpenAPI description of Pacer's own endpoints (the APIs above, not Marathon's), served by the gateway
     * itself from wire-contract's classpath resource {@link #OPENAPI_RESOURCE}.
     */
    public static final String OPENAPI = "/openapi/pacer.yaml";
    /** Where the OpenAPI description lives on every classpath that holds wire-contract. */
    public static final String OPENAPI_RESOURCE = "openapi/pacer.yaml";

    // agent-service's internal API (called by the scheduler; not routed by the gateway)
    public static final String AGENT_TASKS = API + "/agent/tasks";
    /** {@code /api/agent/tasks/{taskId}}: GET one task, DELETE kills it. */
    public static final String AGENT_TASK = AGENT_TASKS + "/{taskId}";
    /** {@code /api/agent/tasks/{taskId}/logs/{stream}?tail=N}: stream is {@code stdout} or {@code stderr}. */
    public static final String AGENT_TASK_LOG = AGENT_TASK + "/logs/{stream}";

    // operational endpoints every service exposes
    public static final String ACTUATOR_HEALTH = "/actuator/health";
    public static final String ACTUATOR_LIVENESS = ACTUATOR_HEALTH + "/liveness";
    public static final String ACTUATOR_READINESS = ACTUATOR_HEALTH + "/readiness";
    public static final String ACTUATOR_PROMETHEUS = "/actuator/prometheus";

    private ApiPaths() {
    }
}
