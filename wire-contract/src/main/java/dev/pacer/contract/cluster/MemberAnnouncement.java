package dev.pacer.contract.cluster;

import java.util.Objects;

/**
 * What an instance publishes on {@link dev.pacer.contract.RedisKeys#MEMBERSHIP_CHANNEL}: it is alive
 * until {@code leaseExpiresAt} (epoch ms), or it is leaving now.
 *
 * @param service    the {@code spring.application.name} of the instance
 * @param instanceId unique id of the instance (stable for the life of its process)
 * @param address    {@code host:port} of its HTTP endpoint
 */
public record MemberAnnouncement(String service, String instanceId, String address, State state, long leaseExpiresAt) {

    public enum State { ALIVE, LEAVING }

    public MemberAnnouncement {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
    }
}
