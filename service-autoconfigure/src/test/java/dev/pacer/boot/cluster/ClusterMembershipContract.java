package dev.pacer.boot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ServiceName;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Membership behaviour against a real Redis; subclasses say which Redis (embedded or a container).
 * Each simulated instance has its own connections, as separate processes would.
 */
abstract class ClusterMembershipContract {

    /** Long enough that nothing in a test can come from the periodic resync instead of pub/sub. */
    private static final Duration SLOW = Duration.ofSeconds(30);

    private final List<Instance> instances = new ArrayList<>();

    abstract String redisUrl();

    record Instance(ClusterMembership membership, LettuceConnectionFactory connections, RedisMessageListenerContainer listeners) {
    }

    @BeforeEach
    void clean() {
        Instance admin = connect(ServiceName.GATEWAY, Duration.ofSeconds(3));
        for (ServiceName service : ServiceName.values()) {
            new StringRedisTemplate(admin.connections()).delete(RedisKeys.members(service));
        }
    }

    @AfterEach
    void close() {
        instances.forEach(i -> {
            i.membership().leave();
            i.listeners().stop();
            i.connections().destroy();
        });
    }

    @Test
    void aJoin_reachesPeersOverPubSubAtOnce() {
        Instance scheduler = connect(ServiceName.SCHEDULER, Duration.ofSeconds(90));
        scheduler.membership().start("localhost:8081/a", SLOW);
        Instance health = connect(ServiceName.HEALTH, Duration.ofSeconds(90));
        health.membership().start("localhost:8083/b", SLOW);

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(scheduler.membership().members(ServiceName.HEALTH))
                        .singleElement()
                        .satisfies(m -> {
                            assertThat(m.instanceId()).isEqualTo("localhost:8083/b");
                            assertThat(m.heardVia()).isEqualTo("pubsub");
                            assertThat(m.address()).isEqualTo("localhost:8083");
                        }));
    }

    @Test
    void aNewcomer_readsExistingMembersFromTheStore() {
        Instance first = connect(ServiceName.HEALTH, Duration.ofSeconds(90));
        first.membership().start("h1:1/a", SLOW);
        await().until(() -> first.membership().members(ServiceName.HEALTH).size() == 1);

        Instance second = connect(ServiceName.HEALTH, Duration.ofSeconds(90));
        second.membership().start("h2:1/b", SLOW);

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(second.membership().members(ServiceName.HEALTH))
                        .extracting(Member::instanceId, Member::heardVia)
                        .contains(Tuple.tuple("h1:1/a", "store"))
                        .extracting(t -> t.toList().get(0))
                        .containsExactly("h1:1/a", "h2:1/b"));
    }

    @Test
    void aGracefulLeave_isSeenAtOnce() {
        Instance stays = connect(ServiceName.HEALTH, Duration.ofSeconds(90));
        stays.membership().start("h1:1/a", SLOW);
        Instance leaves = connect(ServiceName.HEALTH, Duration.ofSeconds(90));
        leaves.membership().start("h2:1/b", SLOW);
        await().until(() -> stays.membership().members(ServiceName.HEALTH).size() == 2);

        leaves.membership().leave();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(stays.membership().members(ServiceName.HEALTH))
                        .extracting(Member::instanceId).containsExactly("h1:1/a"));
    }

    @Test
    void anInstanceThatLosesRedis_expiresAfterItsLease() {
        Duration ttl = Duration.ofMillis(1200);
        Instance stays = connect(ServiceName.HEALTH, ttl);
        stays.membership().start("h1:1/a", Duration.ofMillis(300));
        Instance dies = connect(ServiceName.HEALTH, ttl);
        dies.membership().start("h2:1/b", Duration.ofMillis(300));
        await().until(() -> stays.membership().members(ServiceName.HEALTH).size() == 2);

        dies.listeners().stop();
        dies.connections().destroy();

        await().atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(stays.membership().members(ServiceName.HEALTH))
                        .extracting(Member::instanceId).containsExactly("h1:1/a"));
    }

    @Test
    void listeners_hearOfChanges() {
        Instance watcher = connect(ServiceName.SCHEDULER, Duration.ofSeconds(90));
        List<ServiceName> changes = new CopyOnWriteArrayList<>();
        watcher.membership().onChange(changes::add);
        watcher.membership().start("s:1/a", SLOW);

        connect(ServiceName.AGENT, Duration.ofSeconds(90)).membership().start("agent:1/b", SLOW);

        await().atMost(Duration.ofSeconds(3)).until(() -> changes.contains(ServiceName.AGENT));
    }

    private Instance connect(ServiceName service, Duration leaseTtl) {
        RedisURI uri = RedisURI.create(redisUrl());
        LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        RedisMessageListenerContainer listeners = new RedisMessageListenerContainer();
        listeners.setConnectionFactory(connections);
        listeners.afterPropertiesSet();
        listeners.start();
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        PubSub pubSub = new PubSub(redis, listeners, JsonMapper.builder().build());
        ClusterMembership membership = new ClusterMembership(redis, pubSub, Clock.systemUTC(), service, leaseTtl);
        pubSub.subscribe(Channels.MEMBERSHIP, membership::announced);
        Instance instance = new Instance(membership, connections, listeners);
        instances.add(instance);
        return instance;
    }
}
