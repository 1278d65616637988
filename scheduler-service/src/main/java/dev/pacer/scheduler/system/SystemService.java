package dev.pacer.scheduler.system;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.cluster.Member;
import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ServiceName;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.marathon.InfoResponse;
import dev.pacer.scheduler.shard.ShardLeases;
import dev.pacer.scheduler.shard.ShardProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Answers who leads. Pacer has no cluster-wide leader: every scheduler instance serves the whole API
 * and leads the shards whose leases it holds. To Marathon clients each instance therefore reports
 * itself as the (elected) leader, which is true for every request it answers; {@code pacer_config}
 * tells which shards it leads.
 */
@Service
public class SystemService {

    private final ClusterMembership membership;
    private final ShardLeases leases;
    private final ShardProperties shards;
    private final String version;
    private final String buildref;
    private final Environment env;

    public SystemService(ClusterMembership membership, ShardLeases leases, ShardProperties shards,
                         ObjectProvider<BuildProperties> build, Environment env) {
        this.membership = membership;
        this.leases = leases;
        this.shards = shards;
        BuildProperties props = build.getIfAvailable();
        this.version = props != null ? props.getVersion() : "unknown";
        this.buildref = env.getProperty("PACER_BUILDREF", props != null && props.get("buildref") != null ? props.get("buildref") : "unknown");
        this.env = env;
    }

    public InfoResponse info() {
        String self = leaderAddress();
        List<Integer> held = List.copyOf(leases.held().keySet());
        String host = self.substring(0, self.lastIndexOf(':'));
        return new InfoResponse("pacer", version, buildref, true, self, "pacer",
                new InfoResponse.MarathonConfig(List.of(), "pacer", true, host),
                new InfoResponse.HttpConfig(env.getRequiredProperty("local.server.port", Integer.class)),
                new InfoResponse.PacerConfig(membership.selfId(), shards.count(), held,
                        membership.members(ServiceName.SCHEDULER).size()));
    }

    public String leaderAddress() {
        String selfId = membership.selfId();
        if (selfId == null) {
            throw new ApiException(503, ErrorBody.of(ErrorMessages.NO_LEADER));
        }
        return Member.addressOf(selfId);
    }

    public void abdicate() {
        leases.abdicate();
    }
}
