package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One network of an app: {@code host}, a named {@code container} network, or {@code container/bridge}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Network(
        String name,
        String mode,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels) {

    public static final String HOST = "host";
    public static final String CONTAINER = "container";
    public static final String BRIDGE = "container/bridge";

    public Network {
        labels = Copies.map(labels);
    }

    public static Network host() {
        return new Network(null, HOST, null);
    }

    @JsonIgnore
    public boolean isHost() {
        return HOST.equals(mode);
    }
}
