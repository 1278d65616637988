package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of {@code fetch}: a URI the agent downloads into the sandbox before starting the task. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Artifact(String uri, Boolean extract, Boolean executable, Boolean cache, String destPath) {
}
