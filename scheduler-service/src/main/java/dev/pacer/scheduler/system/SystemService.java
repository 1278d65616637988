package dev.pacer.scheduler.system;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.cluster.Member;
import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ServiceName;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.error.ErrorMessages;
import dev.pacer.contract.marathon.InfoResponse;
import dev.pacer.scheduler.agent.AgentProperties;
import dev.pacer.scheduler.definition.AppValidator;
import dev.pacer.scheduler.reconcile.ReconcileProperties;
import dev.pacer.scheduler.shard.ShardLeases;
import dev.pacer.scheduler.shard.ShardProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Answers who leads. Pacer has no cluster-wide leader: every scheduler instance serves the whole API
 * and leads the shards whose leases it holds. To Marathon clients each instance therefore reports
 * itself as the (elected) leader, which is true for every request it answers; {@code pacer_config}
 * ({@code ?embed=pacer}) tells which shards it leads.
 */
@Service
public class SystemService {

    private final ClusterMembership membership;
    private final ShardLeases leases;
    private final ShardProperties shards;
    private final String version;
    private final String buildref;
    private final Environment env;
    private final ReconcileProperties reconcile;

    public SystemService(ClusterMembership membership, ShardLeases leases, ShardProperties shards,
                         ReconcileProperties reconcile, ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git,
                         Environment env) {
        this.reconcile = reconcile;
        this.membership = membership;
        this.leases = leases;
        this.shards = shards;
        BuildProperties props = build.getIfAvailable();
        this.version = props != null ? props.getVersion() : "unknown";
        this.buildref = env.getProperty("PACER_BUILDREF", buildref(git.getIfAvailable()));
        this.env = env;
    }

    /** The git commit the jar was built from ({@code git.properties}, written by the build), else "unknown". */
    static String buildref(GitProperties git) {
        String commit = git == null ? null : git.getCommitId();
        return commit == null || commit.isBlank() ? "unknown" : commit;
    }

    /** Marathon's {@code /v2/info}; with {@code embedPacer} also {@code pacer_config}. */
    public InfoResponse info(boolean embedPacer) {
        return info(embedPacer, Optional.empty());
    }

    /**
     * @param client the address the client reached the API at (the gateway's), when known: then it is the
     *               {@code leader} and the port of {@code http_config}, as Marathon reports where to talk to it
     */
    public InfoResponse info(boolean embedPacer, Optional<PublicAddress> client) {
        String self = leaderAddress();
        MarathonInfo.Settings settings = settings(self.substring(0, self.lastIndexOf(':')));
        int port = env.getRequiredProperty("local.server.port", Integer.class);
        boolean tls = env.containsProperty("pacer.tls.certificate") || env.getProperty("server.ssl.enabled", Boolean.class, false);
        InfoResponse.HttpConfig http = client.map(c -> new InfoResponse.HttpConfig(c.https() ? 0 : c.port(), c.https() ? c.port() : 0))
                .orElse(new InfoResponse.HttpConfig(port, tls ? port : 0));
        InfoResponse info = new InfoResponse("pacer", version, buildref, true, client.map(PublicAddress::authority).orElse(self),
                "pacer", MarathonInfo.marathonConfig(settings), MarathonInfo.zookeeperConfig(settings), http, null);
        return embedPacer ? info.withPacerConfig(new InfoResponse.PacerConfig(membership.selfId(), shards.count(),
                List.copyOf(leases.held().keySet()), membership.members(ServiceName.SCHEDULER).size())) : info;
    }

    private MarathonInfo.Settings settings(String host) {
        String redis = env.getProperty("spring.data.redis.url");
        if (redis == null || redis.isBlank()) {
            redis = "redis://" + env.getProperty("spring.data.redis.host", "localhost") + ":"
                    + env.getProperty("spring.data.redis.port", "6379");
        }
        return new MarathonInfo.Settings(host,
                env.getProperty("pacer.scheduler.service-ports.min", Integer.class, 10000),
                env.getProperty("pacer.scheduler.service-ports.max", Integer.class, 20000),
                reconcile.resyncInterval(), reconcile.launchTimeout(), agents().agentLostAfter(), redis,
                env.getProperty("pacer.scheduler.apps.max-versions", Integer.class, 50), AppValidator.MAX_APP_BYTES,
                shards.leaseTtl(), env.getProperty("spring.data.redis.connect-timeout", Duration.class, Duration.ofSeconds(10)),
                env.getProperty("spring.data.redis.timeout", Duration.class, Duration.ofSeconds(60)));
    }

    /** Bound from the environment (with its defaults) only when /v2/info asks: one dependency less to inject. */
    private AgentProperties agents() {
        return Binder.get(env).bindOrCreate(AgentProperties.PREFIX, AgentProperties.class);
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
