package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Deprecated in Marathon and without effect; carried so that it round-trips. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Residency(Long relaunchEscalationTimeoutSeconds, String taskLostBehavior) {
}
