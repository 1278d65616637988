package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Pacer's own app fields, all under the one key {@code "pacer"} that Marathon clients ignore: how a
 * change of the app is deployed beyond Marathon's {@code upgradeStrategy}.
 *
 * <pre>{@code
 * "pacer": {"canary": {"instances": 1}, "autoRevert": {"deadlineSeconds": 120}}
 * }</pre>
 *
 * @param canary      a config change first starts this many new tasks beside the old ones and pauses
 *                    until {@code POST /v2/deployments/{id}/promote}
 * @param autoRevert  a deployment whose new tasks are not all healthy within the deadline rolls back by itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PacerExtensions(Canary canary, AutoRevert autoRevert) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Canary(Integer instances) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AutoRevert(Integer deadlineSeconds) {
    }

    public int canaryInstances() {
        return canary == null || canary.instances() == null ? 0 : canary.instances();
    }

    /** 0 when auto-revert is off. */
    public int autoRevertSeconds() {
        return autoRevert == null || autoRevert.deadlineSeconds() == null ? 0 : autoRevert.deadlineSeconds();
    }
}
