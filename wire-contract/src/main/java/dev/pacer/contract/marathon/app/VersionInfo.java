package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Server-set version details: a scale-only change moves {@code lastScalingAt}; a configuration change
 * moves both (reference §4, "Versioning semantics").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionInfo(Timestamp lastScalingAt, Timestamp lastConfigChangeAt) {
}
