package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code docker} part of a container. {@code network} and {@code portMappings} are Marathon's
 * deprecated forms: normalisation moves them to the app's {@code networks} and the container's
 * {@code portMappings} and clears them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerContainer(
        String image,
        Boolean forcePullImage,
        Boolean privileged,
        List<Parameter> parameters,
        PullConfig pullConfig,
        String network,
        List<PortMapping> portMappings) {

    public DockerContainer {
        parameters = Copies.list(parameters);
        portMappings = Copies.list(portMappings);
    }

    /** An arbitrary {@code docker run} parameter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parameter(String key, String value) {
    }

    /** A {@code ~/.docker/config.json} taken from one of the app's secrets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PullConfig(String secret) {
    }
}
