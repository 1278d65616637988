package dev.pacer.contract;

/**
 * Every Redis key and channel name Pacer uses, built here and nowhere else.
 *
 * <p>Keys carry a layout version ({@code pacer:v1:}) so a future layout can live beside this one
 * during an upgrade, and a hash tag ({@code {...}}) so that a record and its indexes land in one
 * Redis Cluster slot and can be changed in one transaction or script.
 */
public final class RedisKeys {

    public static final String PREFIX = "pacer:v1:";

    /** Pub/sub channel on which instances announce that they are alive or leaving. */
    public static final String MEMBERSHIP_CHANNEL = PREFIX + "members";

    private RedisKeys() {
    }

    /** Sorted set of live instances of one service: member = instance id, score = lease expiry (epoch ms). */
    public static String members(ServiceName service) {
        return PREFIX + "members:{" + service.id() + "}";
    }

    /** String holding the instance id that owns scheduler shard {@code shard}; expires with the lease. */
    public static String shardOwner(int shard) {
        return PREFIX + "shard:{" + shard + "}:owner";
    }

    /**
     * Sorted set of scheduler instances that gave up their shards ({@code DELETE /v2/leader}) and
     * take none until the score (epoch ms): the others size their fair share without them.
     */
    public static final String SHARD_ABSTAINERS = PREFIX + "shard-abstainers";

    /** Counter incremented on every change of owner of a shard: the fencing token of its lease. */
    public static String shardEpoch(int shard) {
        return PREFIX + "shard:{" + shard + "}:epoch";
    }
}
