package dev.pacer.health.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.boot.health.HealthCheckEngine;
import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.contract.ServiceName;
import dev.pacer.health.HealthProperties;
import dev.pacer.health.check.NettyProber;
import dev.pacer.health.check.ProbeEngines;
import dev.pacer.health.check.ResultSink;
import dev.pacer.health.support.RedisTemplates;
import dev.pacer.health.support.SchedulerState;
import dev.pacer.health.support.StubEndpoints;
import dev.pacer.health.target.CheckTarget;
import dev.pacer.health.target.TaskDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two health checkers (each with its own Redis connections, membership and prober, as two processes
 * would have) share 60 tasks of real endpoints; when one goes, the other takes its share. The bounds
 * measured here are printed and go into the README.
 */
class ShardingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RedisTemplates redis = new RedisTemplates();
    private final StubEndpoints endpoints = new StubEndpoints();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<String> tasks = new ArrayList<>();

    record Node(ClusterMembership membership, ShardedChecker checker) {
    }

    @BeforeEach
    void tasks() {
        redis.flushPacerKeys();
        SchedulerState state = new SchedulerState(redis.template());
        for (int app = 0; app < 6; app++) {
            state.app("/shard/app" + app, "[{\"protocol\":\"HTTP\",\"path\":\"/ok\",\"portIndex\":0,\"gracePeriodSeconds\":0,"
                    + "\"intervalSeconds\":1,\"timeoutSeconds\":1,\"maxConsecutiveFailures\":3,\"delaySeconds\":0}]");
            for (int t = 0; t < 10; t++) {
                tasks.add(state.runningTask("/shard/app" + app, List.of(endpoints.port()), Instant.now()));
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        endpoints.close();
        redis.close();
    }

    private Node node(String name, Duration heartbeat) {
        RedisConnectionFactory factory = redis.factory();
        StringRedisTemplate template = new StringRedisTemplate(factory);
        RedisMessageListenerContainer listeners = new RedisMessageListenerContainer();
        listeners.setConnectionFactory(factory);
        PubSub pubSub = new PubSub(template, listeners, JSON);
        ClusterMembership membership = new ClusterMembership(template, pubSub, Clock.systemUTC(), ServiceName.HEALTH,
                Duration.ofSeconds(6));
        pubSub.subscribe(Channels.MEMBERSHIP, membership::announced);
        listeners.afterPropertiesSet();
        listeners.start();
        HealthProperties properties = HealthProperties.defaults().withResyncInterval(Duration.ofSeconds(5));
        NettyProber prober = new NettyProber(1, 4, Duration.ofMinutes(1));
        ResultSink sink = new ResultSink(template, JSON, properties.writeInterval());
        HealthCheckEngine<CheckTarget> engine = ProbeEngines.create(prober, sink, new SimpleMeterRegistry(),
                Clock.systemUTC(), properties);
        ShardedChecker checker = new ShardedChecker(membership, new TaskDirectory(template, JSON), engine, template, JSON,
                properties, Clock.systemUTC());
        membership.start(name + "/" + System.nanoTime(), heartbeat);
        checker.start();
        closeables.addAll(List.of(prober, sink, engine, listeners::stop, checker));
        return new Node(membership, checker);
    }

    @Test
    void twoCheckersSplitTheTasks_andAGracefulLeaveMovesTheShareWithinASecond() {
        Node a = node("checker-a", Duration.ofSeconds(2));
        Node b = node("checker-b", Duration.ofSeconds(2));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(a.checker().ringMembers()).hasSize(2);
            assertThat(b.checker().ringMembers()).hasSize(2);
            assertThat(a.checker().engine().tasks() + b.checker().engine().tasks()).isEqualTo(60);
        });
        assertThat(a.checker().engine().tasks()).isBetween(10, 50);
        assertThat(b.checker().engine().tasks()).isBetween(10, 50);

        long start = System.nanoTime();
        b.checker().stop();
        b.membership().leave();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> a.checker().engine().tasks() == 60);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[ShardingIT] graceful leave: share moved in " + tookMs + " ms");
        assertThat(tookMs).isLessThan(1000);
    }

    @Test
    void aCheckerThatDiesSilently_losesItsShareWhenItsLeaseExpires() {
        Node a = node("checker-a", Duration.ofSeconds(2));
        Node silent = node("checker-silent", Duration.ofHours(1));
        long lastRenewal = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.checker().ringMembers().size() == 2
                && a.checker().engine().tasks() + silent.checker().engine().tasks() == 60);
        assertThat(a.checker().engine().tasks()).isLessThan(60);

        await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(50))
                .until(() -> a.checker().engine().tasks() == 60);
        long tookMs = (System.nanoTime() - lastRenewal) / 1_000_000;
        System.out.println("[ShardingIT] silent death: share moved " + tookMs + " ms after the last lease renewal (lease 6 s)");
        assertThat(tookMs).isLessThan(9_000);
        Set<String> owned = new HashSet<>(tasks);
        assertThat(owned).hasSize(60);
    }
}
