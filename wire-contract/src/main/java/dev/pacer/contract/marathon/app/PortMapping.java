package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A container port mapping, for container and bridge networking only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortMapping(
        Integer containerPort,
        Integer hostPort,
        Integer servicePort,
        String protocol,
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> networkNames) {

    public PortMapping {
        labels = Copies.map(labels);
        networkNames = Copies.list(networkNames);
    }
}
