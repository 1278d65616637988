package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** How a rolling restart replaces instances; both factors lie in 0..1 (normalised default 1.0 / 1.0). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpgradeStrategy(Double minimumHealthCapacity, Double maximumOverCapacity) {
}
