package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Pacer's own app fields, all under the one key {@code "pacer"} that Marathon clients ignore: how a
 * change of the app is deployed beyond Marathon's {@code upgradeStrategy}.
 *
 * <pre>{@code
 * "pacer": {"canary": {"instances": 1}, "autoRevert": {"deadlineSeconds": 120}}
 * "pacer": {"blueGreen": {"keepOldSeconds": 300}}
 * }</pre>
 *
 * @param canary      a config change first starts this many new tasks beside the old ones and pauses
 *                    until {@code POST /v2/deployments/{id}/promote}
 * @param autoRevert  a deployment whose new tasks are not all healthy within the deadline rolls back by itself
 * @param blueGreen   a config change starts the complete new set beside the old one, switches traffic
 *                    to it at once when all are healthy, and stops the old set {@code keepOldSeconds} later
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PacerExtensions(Canary canary, AutoRevert autoRevert, BlueGreen blueGreen) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BlueGreen(Integer keepOldSeconds) {
    }

    /** -1 when the app does not deploy blue-green. */
    public int blueGreenKeepSeconds() {
        return blueGreen == null ? -1 : blueGreen.keepOldSeconds() == null ? 0 : blueGreen.keepOldSeconds();
    }


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
