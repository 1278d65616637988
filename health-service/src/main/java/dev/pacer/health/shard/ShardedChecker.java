package dev.pacer.health.shard;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.cluster.Member;
import dev.pacer.boot.health.HealthCheckEngine;
import dev.pacer.contract.ServiceName;
import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.health.HealthProperties;
import dev.pacer.health.target.CheckTarget;
import dev.pacer.health.target.TaskDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * This instance's share of the checks. Keeps every running task's checks in memory (read by
 * {@link TaskDirectory}: all apps every {@code resyncInterval}, a hinted app at the next tick), and
 * hands the engine those whose task id the {@link HashRing} over the live health-service instances
 * gives to this one. At every tick the ring is compared with {@link ClusterMembership}'s view: a
 * joined or departed instance rebalances the share at once, without reading Redis again.
 */
public final class ShardedChecker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardedChecker.class);

    private final ClusterMembership membership;
    private final TaskDirectory directory;
    private final HealthCheckEngine<CheckTarget> engine;
    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final HealthProperties properties;
    private final Clock clock;
    private final Map<String, List<CheckTarget>> known = new ConcurrentHashMap<>();
    private final Set<String> hinted = ConcurrentHashMap.newKeySet();
    private volatile HashRing ring = new HashRing(List.of(), 1);
    private volatile Instant lastFull = Instant.EPOCH;
    private volatile Instant lastStats = Instant.EPOCH;
    private volatile ScheduledExecutorService loop;
    private volatile boolean failing;

    public ShardedChecker(ClusterMembership membership, TaskDirectory directory, HealthCheckEngine<CheckTarget> engine,
                          StringRedisTemplate redis, JsonMapper json, HealthProperties properties, Clock clock) {
        this.membership = membership;
        this.directory = directory;
        this.engine = engine;
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** An app or its tasks changed (pub/sub hint): read it again at the next tick. */
    public void hint(String appId) {
        hinted.add(appId);
    }

    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-health-sync");
            t.setDaemon(true);
            return t;
        });
        long tick = properties.syncTick().toMillis();
        loop.scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
    }

    /** Stops checking and withdraws this instance's figures. */
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.shutdownNow();
        loop = null;
        engine.stopAll();
        try {
            if (membership.selfId() != null) {
                redis.opsForHash().delete(HealthKeys.CHECKER_STATS, membership.selfId());
            }
        } catch (RuntimeException ignored) {
            // the entry goes stale and is ignored
        }
    }

    /** The instances this one shares the checks with (itself included), as of the last tick. */
    public List<String> ringMembers() {
        return ring.members();
    }

    public HealthCheckEngine<CheckTarget> engine() {
        return engine;
    }

    void tick() {
        try {
            boolean rebalance = refreshRing();
            Instant now = clock.instant();
            if (!now.isBefore(lastFull.plus(properties.resyncInterval()))) {
                hinted.clear();
                fullResync();
                lastFull = now;
            } else {
                if (!hinted.isEmpty()) {
                    List<String> apps = new ArrayList<>(hinted);
                    hinted.removeAll(apps);
                    directory.load(apps).forEach(this::apply);
                }
                if (rebalance) {
                    known.forEach(this::apply);
                }
            }
            if (!now.isBefore(lastStats.plus(properties.statsInterval()))) {
                publishStats(now);
                lastStats = now;
            }
            if (failing) {
                log.info("Health sync works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Health sync failed (checks already known keep running): {}", e.toString());
                failing = true;
            }
        }
    }

    private boolean refreshRing() {
        String self = membership.selfId();
        Set<String> members = new HashSet<>();
        membership.members(ServiceName.HEALTH).stream().map(Member::instanceId).forEach(members::add);
        if (self != null) {
            members.add(self);
        }
        if (new HashSet<>(ring.members()).equals(members)) {
            return false;
        }
        ring = new HashRing(members, properties.virtualNodes());
        log.info("Health checkers now {}: rebalancing", ring.members());
        return true;
    }

    private void fullResync() {
        Map<String, List<CheckTarget>> all = directory.load(directory.appIds());
        for (String gone : new HashSet<>(known.keySet())) {
            if (!all.containsKey(gone)) {
                apply(gone, List.of());
            }
        }
        for (String running : engine.groups()) {
            if (!all.containsKey(running)) {
                apply(running, List.of());
            }
        }
        all.forEach(this::apply);
    }

    private void apply(String appId, List<CheckTarget> targets) {
        if (targets.isEmpty()) {
            known.remove(appId);
        } else {
            known.put(appId, targets);
        }
        String self = membership.selfId();
        HashRing current = ring;
        List<CheckTarget> owned = self == null ? List.of()
                : targets.stream().filter(t -> self.equals(current.owner(t.taskId()))).toList();
        engine.sync(appId, owned, directory::results);
    }

    private void publishStats(Instant now) {
        String self = membership.selfId();
        if (self != null) {
            CheckerStats stats = new CheckerStats(engine.checks(), engine.unhealthy(), now.toEpochMilli());
            redis.opsForHash().put(HealthKeys.CHECKER_STATS, self, json.writeValueAsString(stats));
        }
    }

    @Override
    public void close() {
        stop();
    }
}
