package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An app health check (reference §4.2). Marathon-side protocols ({@code HTTP}, {@code HTTPS},
 * {@code TCP}) address a port by {@code portIndex} or {@code port}; {@code COMMAND} runs
 * {@code command.value} on the agent; {@code MESOS_*} are agent-side probes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthCheck(
        String protocol,
        String path,
        Integer portIndex,
        Integer port,
        Command command,
        Integer gracePeriodSeconds,
        Integer intervalSeconds,
        Integer timeoutSeconds,
        Integer maxConsecutiveFailures,
        Integer delaySeconds,
        Boolean ignoreHttp1xx,
        String ipProtocol) {

    public static final String HTTP = "HTTP";
    public static final String HTTPS = "HTTPS";
    public static final String TCP = "TCP";
    public static final String COMMAND = "COMMAND";
    public static final String MESOS_HTTP = "MESOS_HTTP";
    public static final String MESOS_HTTPS = "MESOS_HTTPS";
    public static final String MESOS_TCP = "MESOS_TCP";
    /** Every protocol Marathon accepts, in its documented order. */
    public static final List<String> PROTOCOLS = List.of(HTTP, HTTPS, TCP, COMMAND, MESOS_HTTP, MESOS_HTTPS, MESOS_TCP);

    public static final String IPV4 = "IPv4";
    public static final String IPV6 = "IPv6";

    /** The shell command of a {@code COMMAND} check. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Command(String value) {
    }
}
