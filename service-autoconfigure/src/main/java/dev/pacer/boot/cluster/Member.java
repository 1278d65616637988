package dev.pacer.boot.cluster;

import java.time.Instant;

/**
 * A live instance of a service as this process sees it.
 *
 * @param instanceId     {@code host:port/nonce}: unique per process, so a restart on the same
 *                       address is a new member
 * @param leaseExpiresAt when the instance is presumed dead unless it renews
 * @param heardVia       how this process last learned of it: {@code pubsub} (pushed within
 *                       milliseconds) or {@code store} (read on the periodic resync)
 */
public record Member(String instanceId, Instant leaseExpiresAt, String heardVia) {

    public static String instanceId(String address, String nonce) {
        return address + "/" + nonce;
    }

    /** The {@code host:port} part of the instance id. */
    public String address() {
        return addressOf(instanceId);
    }

    public static String addressOf(String instanceId) {
        int slash = instanceId.lastIndexOf('/');
        return slash < 0 ? instanceId : instanceId.substring(0, slash);
    }
}
