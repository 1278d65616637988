package dev.pacer.contract.marathon;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /v2/info} in Marathon's shape (reference §7), with Pacer's own values. Options that
 * only made sense for Mesos/ZooKeeper are left out (all are optional in Marathon's RAML); Pacer's
 * own settings are under {@code pacer_config}, which Marathon clients ignore.
 */
public record InfoResponse(
        String name,
        String version,
        String buildref,
        boolean elected,
        String leader,
        String frameworkId,
        @JsonProperty("marathon_config") MarathonConfig marathonConfig,
        @JsonProperty("http_config") HttpConfig httpConfig,
        @JsonProperty("pacer_config") PacerConfig pacerConfig) {

    public record MarathonConfig(
            List<String> features,
            @JsonProperty("framework_name") String frameworkName,
            boolean ha,
            String hostname) {
    }

    public record HttpConfig(@JsonProperty("http_port") int httpPort) {
    }

    /**
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
