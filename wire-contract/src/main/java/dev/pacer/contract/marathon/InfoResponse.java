package dev.pacer.contract.marathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code GET /v2/info} in Marathon's shape (reference §7, RAML {@code types/info.raml}): exactly its keys,
 * unset options written as {@code null} as Marathon writes them. Pacer's own figures ({@code pacer_config})
 * are added only for {@code ?embed=pacer}; every other answer leaves the key out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "version", "buildref", "elected", "leader", "frameworkId", "marathon_config",
        "zookeeper_config", "http_config", "pacer_config"})
public record InfoResponse(
        String name,
        String version,
        String buildref,
        boolean elected,
        String leader,
        String frameworkId,
        @JsonProperty("marathon_config") MarathonConfig marathonConfig,
        @JsonProperty("zookeeper_config") ZooKeeperConfig zookeeperConfig,
        @JsonProperty("http_config") HttpConfig httpConfig,
        @JsonProperty("pacer_config") PacerConfig pacerConfig) {

    /** The same answer with Pacer's own figures ({@code ?embed=pacer}). */
    public InfoResponse withPacerConfig(PacerConfig config) {
        return new InfoResponse(name, version, buildref, elected, leader, frameworkId, marathonConfig,
                zookeeperConfig, httpConfig, config);
    }

    /** Marathon's {@code marathon_config}: every key of the RAML's {@code MarathonConfig}; durations in ms. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MarathonConfig(
            @JsonProperty("access_control_allow_origin") List<String> accessControlAllowOrigin,
            boolean checkpoint,
            @JsonProperty("decline_offer_duration") long declineOfferDuration,
            @JsonProperty("default_network_name") String defaultNetworkName,
            @JsonProperty("env_vars_prefix") String envVarsPrefix,
            String executor,
            @JsonProperty("failover_timeout") long failoverTimeout,
            List<String> features,
            @JsonProperty("framework_name") String frameworkName,
            boolean ha,
            String hostname,
            @JsonProperty("launch_token") int launchToken,
            @JsonProperty("launch_token_refresh_interval") long launchTokenRefreshInterval,
            @JsonProperty("leader_proxy_connection_timeout_ms") int leaderProxyConnectionTimeoutMs,
            @JsonProperty("leader_proxy_read_timeout_ms") int leaderProxyReadTimeoutMs,
            @JsonProperty("local_port_max") int localPortMax,
            @JsonProperty("local_port_min") int localPortMin,
            String master,
            @JsonProperty("max_instances_per_offer") int maxInstancesPerOffer,
            @JsonProperty("mesos_bridge_name") String mesosBridgeName,
            @JsonProperty("mesos_heartbeat_failure_threshold") int mesosHeartbeatFailureThreshold,
            @JsonProperty("mesos_heartbeat_interval") long mesosHeartbeatInterval,
            @JsonProperty("mesos_leader_ui_url") String mesosLeaderUiUrl,
            @JsonProperty("mesos_role") String mesosRole,
            @JsonProperty("mesos_user") String mesosUser,
            @JsonProperty("min_revive_offers_interval") long minReviveOffersInterval,
            @JsonProperty("offer_matching_timeout") long offerMatchingTimeout,
            @JsonProperty("on_elected_prepare_timeout") long onElectedPrepareTimeout,
            @JsonProperty("reconciliation_initial_delay") long reconciliationInitialDelay,
            @JsonProperty("reconciliation_interval") long reconciliationInterval,
            @JsonProperty("scale_apps_initial_delay") long scaleAppsInitialDelay,
            @JsonProperty("scale_apps_interval") long scaleAppsInterval,
            @JsonProperty("store_cache") boolean storeCache,
            @JsonProperty("task_launch_confirm_timeout") long taskLaunchConfirmTimeout,
            @JsonProperty("task_launch_timeout") long taskLaunchTimeout,
            @JsonProperty("task_lost_expunge_initial_delay") long taskLostExpungeInitialDelay,
            @JsonProperty("task_lost_expunge_interval") long taskLostExpungeInterval,
            @JsonProperty("task_reservation_timeout") long taskReservationTimeout,
            @JsonProperty("webui_url") String webuiUrl) {
    }

    /**
     * Marathon's {@code zookeeper_config}, describing the store Pacer really has (Redis; credentials
     * never shown): {@code zk} its URL, {@code zk_max_versions} versions kept per app and group,
     * {@code zk_max_node_size} the bound of one record, timeouts those of the Redis client and the shard lease.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ZooKeeperConfig(
            String zk,
            @JsonProperty("zk_compression") boolean zkCompression,
            @JsonProperty("zk_compression_threshold") long zkCompressionThreshold,
            @JsonProperty("zk_connection_timeout") long zkConnectionTimeout,
            @JsonProperty("zk_max_node_size") long zkMaxNodeSize,
            @JsonProperty("zk_max_versions") int zkMaxVersions,
            @JsonProperty("zk_session_timeout") long zkSessionTimeout,
            @JsonProperty("zk_timeout") long zkTimeout) {
    }

    /** {@code https_port} is the same port when it speaks TLS, else 0 (no HTTPS port). */
    public record HttpConfig(@JsonProperty("http_port") int httpPort, @JsonProperty("https_port") int httpsPort) {
    }

    /**
     * Pacer's own figures, only with {@code ?embed=pacer}.
     *
     * @param instanceId  the scheduler instance that answered
     * @param shardCount  number of reconciliation shards apps are spread over
     * @param shardsHeld  the shards whose lease this instance holds now
     * @param schedulers  live scheduler instances sharing the shards
     */
    public record PacerConfig(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("shard_count") int shardCount,
            @JsonProperty("shards_held") List<Integer> shardsHeld,
            int schedulers) {
    }
}
