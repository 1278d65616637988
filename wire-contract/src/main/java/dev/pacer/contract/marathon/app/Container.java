package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An app's container. {@code volumes} and {@code linuxInfo} are carried as generic JSON (maps, lists,
 * strings, numbers, booleans) so that every volume kind round-trips without being modelled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Container(
        String type,
        DockerContainer docker,
        List<Map<String, Object>> volumes,
        List<PortMapping> portMappings,
        Map<String, Object> linuxInfo) {

    public static final String DOCKER = "DOCKER";
    public static final String MESOS = "MESOS";

    public Container {
        volumes = Copies.list(volumes);
        portMappings = Copies.list(portMappings);
        linuxInfo = Copies.map(linuxInfo);
    }

    @JsonIgnore
    public boolean isDockerEngine() {
        return DOCKER.equals(type);
    }
}
