package dev.pacer.scheduler.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.testsupport.TestRedis;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Shard leases between simulated scheduler instances, each with its own connections to a real Redis. */
class ShardLeasesIT {

    private static final int SHARDS = 8;
    private static final ShardProperties PROPERTIES = new ShardProperties(SHARDS, Duration.ofMillis(800), Duration.ofMillis(200));

    private final List<LettuceConnectionFactory> connections = new ArrayList<>();
    private final AtomicInteger live = new AtomicInteger();
    private StringRedisTemplate admin;

    @BeforeEach
    void clean() {
        admin = template();
        for (int shard = 0; shard < SHARDS; shard++) {
            admin.delete(List.of(RedisKeys.shardOwner(shard), RedisKeys.shardEpoch(shard)));
        }
        admin.delete(RedisKeys.SHARD_ABSTAINERS);
    }

    @AfterEach
    void close() {
        connections.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void aLoneInstance_takesEveryShard_andRedisSaysItOwnsThem() {
        live.set(1);
        ShardLeases a = leases("a");
        a.rebalance();

        assertThat(a.held()).hasSize(SHARDS);
        for (int shard = 0; shard < SHARDS; shard++) {
            assertThat(admin.opsForValue().get(RedisKeys.shardOwner(shard))).isEqualTo("a");
        }
    }

    @Test
    void twoInstances_splitTheShardsWithoutOverlap() {
        live.set(1);
        ShardLeases a = leases("a");
        a.rebalance();
        live.set(2);
        ShardLeases b = leases("b");

        for (int pass = 0; pass < 3; pass++) {
            a.rebalance();
            b.rebalance();
        }

        assertThat(a.held()).hasSize(SHARDS / 2);
        assertThat(b.held()).hasSize(SHARDS / 2);
        Set<Integer> overlap = new HashSet<>(a.held().keySet());
        overlap.retainAll(b.held().keySet());
        assertThat(overlap).isEmpty();
    }

    @Test
    void aStalledInstancesShards_areTakenOverAfterTheLease_withANewFencingToken() {
        live.set(2);
        ShardLeases a = leases("a");
        ShardLeases b = leases("b");
        a.rebalance();
        b.rebalance();
        int shardOfA = a.held().firstKey();
        long tokenOfA = a.held().get(shardOfA);

        live.set(1);   // a stops renewing: it stalled, or died without releasing
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            b.rebalance();
            assertThat(b.held()).hasSize(SHARDS);
        });
        assertThat(b.held().get(shardOfA)).isGreaterThan(tokenOfA);

        a.rebalance();   // a wakes up: it must notice it lost everything
        assertThat(a.held()).isEmpty();
    }

    @Test
    void abdicate_handsEveryShardToTheOthersAtTheirNextPass_andTakesShardsBackLater() {
        live.set(2);
        ShardLeases a = leases("a");
        ShardLeases b = leases("b");
        a.rebalance();
        b.rebalance();

        a.abdicate();
        b.rebalance();
        a.rebalance();

        assertThat(a.held()).isEmpty();
        assertThat(b.held()).hasSize(SHARDS);
        for (int shard = 0; shard < SHARDS; shard++) {
            assertThat(admin.opsForValue().get(RedisKeys.shardOwner(shard))).isEqualTo("b");
        }

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            b.rebalance();
            a.rebalance();
            assertThat(a.held()).hasSize(SHARDS / 2);
            assertThat(b.held()).hasSize(SHARDS / 2);
        });
    }

    private ShardLeases leases(String id) {
        ShardLeases leases = new ShardLeases(template(),
                RedisScript.of(new ClassPathResource("scripts/shard-lease-acquire.lua"), Long.class),
                RedisScript.of(new ClassPathResource("scripts/shard-lease-release.lua"), Long.class),
                live::get, PROPERTIES, ShardMetrics.NONE, Clock.systemUTC());
        leases.identifyAs(id);
        return leases;
    }

    private StringRedisTemplate template() {
        RedisURI uri = RedisURI.create(TestRedis.url());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        connections.add(factory);
        return new StringRedisTemplate(factory);
    }
}
