package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A readiness check (reference §4.3): new tasks count as ready during a deployment only once it passes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadinessCheck(
        String name,
        String protocol,
        String path,
        String portName,
        Integer intervalSeconds,
        Integer timeoutSeconds,
        List<Integer> httpStatusCodesForReady,
        Boolean preserveLastResponse) {

    public ReadinessCheck {
        httpStatusCodesForReady = Copies.list(httpStatusCodesForReady);
    }
}
