package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A port of a host-networking app. Port 0 asks for a service port to be assigned; with
 * {@code requirePorts} a non-zero port is also the host port.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"port", "name", "protocol", "labels"})
public record PortDefinition(
        Integer port,
        String protocol,
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels) {

    public PortDefinition {
        labels = Copies.map(labels);
    }
}
