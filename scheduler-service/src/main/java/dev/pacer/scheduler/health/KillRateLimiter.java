package dev.pacer.scheduler.health;

import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.ids.AppId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Health kills per app and per cluster in fixed windows, counted in Redis so that every scheduler
 * instance shares the limits. A kill takes a slot of the app's counter, then one of the cluster's
 * (each one key, so it works on a Redis Cluster too); when the cluster is full the app's slot is given back.
 */
class KillRateLimiter {

    /** KEYS: counter; ARGV: limit, ttl ms. 1 = taken, 0 = full. */
    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            if n >= tonumber(ARGV[1]) then return 0 end
            redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """, Long.class);

    public enum Verdict { GRANTED, APP_LIMIT, CLUSTER_LIMIT }

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration window;
    private final int perApp;
    private final int cluster;

    public KillRateLimiter(StringRedisTemplate redis, Clock clock, Duration window, int perApp, int cluster) {
        this.redis = redis;
        this.clock = clock;
        this.window = window;
        this.perApp = perApp;
        this.cluster = cluster;
    }

    public Verdict take(AppId app) {
        long w = clock.millis() / window.toMillis();
        String ttl = String.valueOf(window.toMillis() * 2);
        String appKey = HealthKeys.appKills(app, w);
        if (!taken(appKey, perApp, ttl)) {
            return Verdict.APP_LIMIT;
        }
        if (!taken(HealthKeys.clusterKills(w), cluster, ttl)) {
            redis.opsForValue().decrement(appKey);
            return Verdict.CLUSTER_LIMIT;
        }
        return Verdict.GRANTED;
    }

    private boolean taken(String key, int limit, String ttl) {
        Long r = redis.execute(TAKE, List.of(key), String.valueOf(limit), ttl);
        return r != null && r == 1L;
    }
}
