package dev.pacer.scheduler.shard;

import dev.pacer.contract.RedisKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The shard leases this scheduler instance holds. There is no cluster-wide leader: each of
 * {@link ShardProperties#count()} shards has its own lease (a Redis key with a TTL and a fencing
 * token), and every instance holds about its fair share, {@code ceil(count / live instances)}.
 *
 * <p>Each {@link #rebalance()} renews what is held, notices leases lost (another instance took
 * over after this one stalled), gives back shards above the fair share so a newcomer can take them,
 * and takes free shards up to the fair share. A dead instance's shards are free again once its
 * leases expire.
 */
public final class ShardLeases {

    private static final Logger log = LoggerFactory.getLogger(ShardLeases.class);

    private final StringRedisTemplate redis;
    private final RedisScript<Long> acquire;
    private final RedisScript<Long> release;
    private final IntSupplier liveInstances;
    private final ShardProperties properties;
    private final ShardMetrics metrics;
    private final Clock clock;
    /** shard -> fencing token of this instance's lease on it */
    private final NavigableMap<Integer, Long> held = new TreeMap<>();
    private volatile String selfId;
    private Instant quietUntil = Instant.MIN;

    public ShardLeases(StringRedisTemplate redis, RedisScript<Long> acquire, RedisScript<Long> release,
                       IntSupplier liveInstances, ShardProperties properties, ShardMetrics metrics, Clock clock) {
        this.redis = redis;
        this.acquire = acquire;
        this.release = release;
        this.liveInstances = liveInstances;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void identifyAs(String selfId) {
        this.selfId = selfId;
    }

    /** One pass: renew, detect losses, give back the surplus, take up to the fair share. */
    public synchronized void rebalance() {
        if (selfId == null) {
            return;
        }
        String ttl = Long.toString(properties.leaseTtl().toMillis());
        for (Integer shard : List.copyOf(held.keySet())) {
            long token = tryAcquire(shard, ttl);
            if (token < 0) {
                held.remove(shard);
                metrics.leaseLost();
                log.warn("Lost the lease of shard {} to another instance", shard);
            }
        }
        if (clock.instant().isBefore(quietUntil)) {
            return;
        }
        int target = fairShare();
        while (held.size() > target) {
            releaseShard(held.lastKey());
        }
        if (held.size() >= target) {
            return;
        }
        int offset = Math.floorMod(selfId.hashCode(), properties.count());
        for (int i = 0; i < properties.count() && held.size() < target; i++) {
            int shard = (offset + i) % properties.count();
            if (!held.containsKey(shard)) {
                long token = tryAcquire(shard, ttl);
                if (token > 0) {
                    held.put(shard, token);
                    metrics.leaseAcquired();
                    log.info("Acquired the lease of shard {} (fencing token {})", shard, token);
                }
            }
        }
    }

    /**
     * Gives back every lease and takes none for one lease period ({@code DELETE /v2/leader}). The
     * instance is listed as abstaining meanwhile, so the others size their fair share without it
     * and take its shards over at their next pass. Alone in the cluster, it takes them back after that.
     */
    public synchronized void abdicate() {
        quietUntil = clock.instant().plus(properties.leaseTtl());
        redis.opsForZSet().add(RedisKeys.SHARD_ABSTAINERS, selfId, quietUntil.toEpochMilli());
        releaseAll();
    }

    /** Releases every lease; for a graceful shutdown. */
    public synchronized void releaseAll() {
        for (Integer shard : List.copyOf(held.keySet())) {
            if (!releaseShard(shard)) {
                held.clear();
                return;
            }
        }
    }

    /** The shard a key (an app id, an agent id) belongs to; stable across JVMs and releases. */
    public int shardOf(String key) {
        return Math.floorMod(key.hashCode(), properties.count());
    }

    /** True when this instance holds the lease of the shard {@code key} belongs to. */
    public synchronized boolean owns(String key) {
        return held.containsKey(shardOf(key));
    }

    /** Shards held now, with their fencing tokens. */
    public synchronized NavigableMap<Integer, Long> held() {
        return Collections.unmodifiableNavigableMap(new TreeMap<>(held));
    }

    /** {@code ceil(count / candidates)}, candidates being the live instances that do not abstain. */
    public int fairShare() {
        long now = clock.instant().toEpochMilli();
        redis.opsForZSet().removeRangeByScore(RedisKeys.SHARD_ABSTAINERS, Double.NEGATIVE_INFINITY, now);
        Long abstaining = redis.opsForZSet().count(RedisKeys.SHARD_ABSTAINERS, now, Double.POSITIVE_INFINITY);
        int candidates = Math.max(1, liveInstances.getAsInt() - (abstaining == null ? 0 : abstaining.intValue()));
        return (properties.count() + candidates - 1) / candidates;
    }

    private long tryAcquire(int shard, String ttl) {
        Long token = redis.execute(acquire, List.of(RedisKeys.shardOwner(shard), RedisKeys.shardEpoch(shard)), selfId, ttl);
        return token == null ? -1 : token;
    }

    /** Gives one lease back; false when Redis could not be reached (the lease then expires by itself). */
    private boolean releaseShard(int shard) {
        held.remove(shard);
        try {
            redis.execute(release, List.of(RedisKeys.shardOwner(shard)), selfId);
            metrics.leaseReleased();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not release shard leases ({}); they free themselves within {}", e.toString(), properties.leaseTtl());
            return false;
        }
    }
}
