package dev.pacer.boot.pubsub;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.cluster.MemberAnnouncement;
import dev.pacer.contract.discovery.AppDiscovery;
import dev.pacer.contract.discovery.InstanceChange;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;

/**
 * Every pub/sub channel between Pacer services, typed: who sends what on it. The names are wire-contract's
 * constants; the payload forms are the ones services of every version send and read.
 */
public final class Channels {

    /** Cluster membership: every instance announces its lease (JSON), at each renewal and when it leaves. */
    public static final Channel<MemberAnnouncement> MEMBERSHIP =
            Channel.json(RedisKeys.MEMBERSHIP_CHANNEL, MemberAnnouncement.class);

    /**
     * A health check of a task flipped (JSON), sent by health-service and the agents; read by the scheduler
     * (replacements, events) and the agents (Eureka status).
     */
    public static final Channel<HealthTransition> HEALTH_TRANSITIONS =
            Channel.json(HealthKeys.TRANSITIONS, HealthTransition.class);

    /** An app changed (its id as text): the scheduler's shard owner and health-service look at it now. */
    public static final Channel<AppId> APP_HINTS = Channel.text(RedisKeys.APP_HINTS, AppId.class, AppId::parse);

    /** An app's denied versions changed (its id as text), sent by the scheduler; agents re-set its Eureka status. */
    public static final Channel<AppId> TRAFFIC = Channel.text(RedisKeys.TRAFFIC, AppId.class, AppId::parse);

    /** An agent changed a task's instance in Eureka (JSON); the gateway re-reads that app. */
    public static final Channel<InstanceChange> INSTANCE_CHANGES =
            Channel.json(AppDiscovery.INSTANCE_CHANGES, InstanceChange.class);

    private Channels() {
    }
}
