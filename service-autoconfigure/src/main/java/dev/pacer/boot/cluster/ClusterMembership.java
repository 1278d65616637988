package dev.pacer.boot.cluster;

import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ServiceName;
import dev.pacer.contract.cluster.MemberAnnouncement;
import dev.pacer.contract.cluster.MemberAnnouncement.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Which instances of each Pacer service are alive, learned over Redis.
 *
 * <p>Each instance keeps a lease in a sorted set per service ({@link RedisKeys#members}: member =
 * instance id, score = expiry) and announces itself on {@link Channels#MEMBERSHIP} at every
 * renewal. Announcements make a join or a graceful leave visible everywhere within milliseconds; the
 * periodic resync from the sorted sets makes a lost message harmless and lets a silent death expire.
 * health-service shards its checks over this view; scheduler-service sizes its shard leases with it.
 */
public final class ClusterMembership {

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final StringRedisTemplate redis;
    private final PubSub pubSub;
    private final Clock clock;
    private final ServiceName self;
    private final Duration leaseTtl;
    private final Map<ServiceName, Map<String, Member>> view = new ConcurrentHashMap<>();
    private final Set<Consumer<ServiceName>> changeListeners = ConcurrentHashMap.newKeySet();
    private volatile String selfId;
    private volatile ScheduledExecutorService timer;
    private volatile boolean redisFailing;

    /** Hears peers once {@link #announced} is subscribed to {@link Channels#MEMBERSHIP} (the auto-configuration does). */
    public ClusterMembership(StringRedisTemplate redis, PubSub pubSub, Clock clock, ServiceName self,
                             Duration leaseTtl) {
        this.redis = redis;
        this.pubSub = pubSub;
        this.clock = clock;
        this.self = self;
        this.leaseTtl = leaseTtl;
    }

    /**
     * Joins as {@code selfId} now, then renews the lease and resyncs the view every {@code interval}.
     * Called once the web server is up, when the instance's address is known.
     */
    public synchronized void start(String selfId, Duration interval) {
        if (timer != null) {
            return;
        }
        this.selfId = selfId;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacer-membership");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops renewing and removes this instance at once, so peers need not wait for the lease. */
    public synchronized void leave() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
        try {
            redis.opsForZSet().remove(RedisKeys.members(self), selfId);
            publish(State.LEAVING, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not announce leaving; peers will drop {} when its lease expires", selfId, e);
        }
    }

    /** This instance's id, or null before {@link #start}. */
    public String selfId() {
        return selfId;
    }

    public ServiceName self() {
        return self;
    }

    /** Live instances of {@code service}, ordered by instance id. */
    public List<Member> members(ServiceName service) {
        Instant now = clock.instant();
        return view.getOrDefault(service, Map.of()).values().stream()
                .filter(m -> m.leaseExpiresAt().isAfter(now))
                .sorted(Comparator.comparing(Member::instanceId))
                .toList();
    }

    /** Called (on the membership or the pub/sub thread) whenever the set of members of a service may have changed. */
    public void onChange(Consumer<ServiceName> listener) {
        changeListeners.add(listener);
    }

    void tick() {
        try {
            Instant now = clock.instant();
            Instant expiry = now.plus(leaseTtl);
            redis.opsForZSet().add(RedisKeys.members(self), selfId, expiry.toEpochMilli());
            publish(State.ALIVE, expiry);
            for (ServiceName service : ServiceName.values()) {
                resync(service, now);
            }
            if (redisFailing) {
                log.info("Redis reachable again; membership lease of {} renewed", selfId);
                redisFailing = false;
            }
        } catch (RuntimeException e) {
            if (!redisFailing) {
                log.warn("Cannot renew the membership lease of {} in Redis: {}", selfId, e.toString());
                redisFailing = true;
            }
        }
    }

    private void resync(ServiceName service, Instant now) {
        String key = RedisKeys.members(service);
        redis.opsForZSet().removeRangeByScore(key, Double.NEGATIVE_INFINITY, now.toEpochMilli());
        Set<TypedTuple<String>> live = redis.opsForZSet().rangeByScoreWithScores(key, now.toEpochMilli(), Double.POSITIVE_INFINITY);
        Map<String, Member> fresh = new ConcurrentHashMap<>();
        if (live != null) {
            for (TypedTuple<String> tuple : live) {
                Member known = view.getOrDefault(service, Map.of()).get(tuple.getValue());
                Instant expires = Instant.ofEpochMilli(tuple.getScore().longValue());
                fresh.put(tuple.getValue(), new Member(tuple.getValue(), expires, known != null ? known.heardVia() : "store"));
            }
        }
        Map<String, Member> previous = view.put(service, fresh);
        if (previous == null || !previous.keySet().equals(fresh.keySet())) {
            fireChange(service);
        }
    }

    private void publish(State state, Instant leaseExpiresAt) {
        String address = Member.addressOf(selfId);
        MemberAnnouncement announcement = new MemberAnnouncement(self.id(), selfId, address, state, leaseExpiresAt.toEpochMilli());
        pubSub.publish(Channels.MEMBERSHIP, announcement);
    }

    /** An announcement heard on {@link Channels#MEMBERSHIP} (this instance's own included). */
    public void announced(MemberAnnouncement a) {
        ServiceName service;
        try {
            service = ServiceName.parse(a.service());
        } catch (RuntimeException e) {
            log.debug("Ignoring a membership announcement of an unknown service: {}", e.toString());
            return;
        }
        Map<String, Member> members = view.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        boolean changed = a.state() == State.LEAVING
                ? members.remove(a.instanceId()) != null
                : members.put(a.instanceId(), new Member(a.instanceId(), Instant.ofEpochMilli(a.leaseExpiresAt()), "pubsub")) == null;
        if (changed) {
            fireChange(service);
        }
    }

    private void fireChange(ServiceName service) {
        for (Consumer<ServiceName> listener : changeListeners) {
            try {
                listener.accept(service);
            } catch (RuntimeException e) {
                log.warn("Membership listener failed", e);
            }
        }
    }
}
