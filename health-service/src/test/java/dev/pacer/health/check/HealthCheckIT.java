package dev.pacer.health.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.health.HealthApplication;
import dev.pacer.health.support.RedisTemplates;
import dev.pacer.health.support.SchedulerState;
import dev.pacer.health.support.StubEndpoints;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real health-service against real task endpoints (a stub HTTP server, a closed port) and the
 * scheduler's state in a real Redis: results land in the app's health hash, transitions on the bus.
 */
@SpringBootTest(classes = HealthApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.health.resync-interval=2s", "pacer.health.sync-tick=100ms"})
@DirtiesContext
class HealthCheckIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTemplates REDIS = new RedisTemplates();
    private static final StubEndpoints ENDPOINTS = new StubEndpoints();
    private static SchedulerState state;
    private static final List<HealthTransition> TRANSITIONS = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void flush() {
        REDIS.flushPacerKeys();
        state = new SchedulerState(REDIS.template());
    }

    @AfterAll
    static void close() {
        ENDPOINTS.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    void listen(RedisMessageListenerContainer listeners) {
        listeners.addMessageListener((message, pattern) -> TRANSITIONS.add(JSON.readValue(message.getBody(), HealthTransition.class)),
                new ChannelTopic(HealthKeys.TRANSITIONS));
    }

    private static String http(String path, int grace, int timeout, int maxFailures) {
        return "[{\"protocol\":\"HTTP\",\"path\":\"" + path + "\",\"portIndex\":0,\"gracePeriodSeconds\":" + grace
                + ",\"intervalSeconds\":1,\"timeoutSeconds\":" + timeout + ",\"maxConsecutiveFailures\":" + maxFailures
                + ",\"delaySeconds\":0}]";
    }

    @Test
    void anEndpointThatStartsFailing_isUnhealthyAfterMaxConsecutiveFailures_withOneExceededTransition() {
        state.app("/h/fail", http("/fail", 0, 1, 2));
        String task = state.runningTask("/h/fail", List.of(ENDPOINTS.port()), Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> state.result("/h/fail", task, 0).map(HealthResult::alive).orElse(false));

        ENDPOINTS.status("/fail", 500);

        await().atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            HealthResult r = state.result("/h/fail", task, 0).orElseThrow(() -> new AssertionError("no result yet"));
            assertThat(r.alive()).isFalse();
            assertThat(r.consecutiveFailures()).isGreaterThanOrEqualTo(2);
            assertThat(r.lastFailureCause()).isEqualTo("HTTP 500");
            assertThat(r.firstSuccess()).isNotNull();
            assertThat(r.instanceId()).isNotEqualTo(task).isNotBlank();
        });
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(TRANSITIONS)
                .filteredOn(t -> t.taskId().equals(task))
                .extracting(HealthTransition::alive, HealthTransition::exceeded)
                .containsExactly(Tuple.tuple(true, false), Tuple.tuple(false, false),
                        Tuple.tuple(false, true)));
    }

    @Test
    void failuresDuringTheGracePeriod_areIgnored_untilTheFirstSuccess() {
        ENDPOINTS.status("/warming", 503);
        state.app("/h/grace", http("/warming", 60, 1, 1));
        String task = state.runningTask("/h/grace", List.of(ENDPOINTS.port()), Instant.now());

        await().atMost(Duration.ofSeconds(5)).until(() -> ENDPOINTS.hits("/warming") >= 3);
        assertThat(state.result("/h/grace", task, 0)).isEmpty();

        ENDPOINTS.status("/warming", 200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HealthResult r = state.result("/h/grace", task, 0).orElseThrow(() -> new AssertionError("no result yet"));
            assertThat(r.alive()).isTrue();
            assertThat(r.consecutiveFailures()).isZero();
            assertThat(r.lastFailure()).isNull();
        });
    }

    @Test
    void aSlowEndpoint_timesOut() {
        ENDPOINTS.delay("/slow", 3000);
        state.app("/h/slow", http("/slow", 0, 1, 3));
        String task = state.runningTask("/h/slow", List.of(ENDPOINTS.port()), Instant.now());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HealthResult r = state.result("/h/slow", task, 0).orElseThrow(() -> new AssertionError("no result yet"));
            assertThat(r.alive()).isFalse();
            assertThat(r.lastFailureCause()).isEqualTo("timeout after 1000 ms");
        });
    }

    @Test
    void tcpChecks_connectOnly_andTheSecondPortIsAddressedByPortIndex() {
        int closed = FreePorts.next();
        state.app("/h/tcp", "[{\"protocol\":\"TCP\",\"portIndex\":0,\"gracePeriodSeconds\":0,\"intervalSeconds\":1,"
                + "\"timeoutSeconds\":1,\"maxConsecutiveFailures\":3,\"delaySeconds\":0},"
                + "{\"protocol\":\"TCP\",\"portIndex\":1,\"gracePeriodSeconds\":0,\"intervalSeconds\":1,"
                + "\"timeoutSeconds\":1,\"maxConsecutiveFailures\":3,\"delaySeconds\":0}]");
        String task = state.runningTask("/h/tcp", List.of(ENDPOINTS.port(), closed), Instant.now());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(state.result("/h/tcp", task, 0).orElseThrow(() -> new AssertionError("no result yet")).alive()).isTrue();
            HealthResult refused = state.result("/h/tcp", task, 1).orElseThrow(() -> new AssertionError("no result yet"));
            assertThat(refused.alive()).isFalse();
            assertThat(refused.lastFailureCause()).isEqualTo("connection refused");
        });
    }

    @Test
    void metricsCountChecksByProtocolAndResult_andReadinessReportsTheProbeQueue() {
        state.app("/h/metrics", http("/ok", 0, 1, 3));
        state.runningTask("/h/metrics", List.of(ENDPOINTS.port()), Instant.now());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String prometheus = Http.get("http://localhost:" + port + "/actuator/prometheus").body();
            assertThat(prometheus).contains("pacer_health_checks_total{application=\"health-service\",protocol=\"HTTP\",result=\"healthy\"");
            assertThat(prometheus).contains("pacer_health_check_latency_seconds");
            assertThat(prometheus).contains("pacer_health_shard_tasks");
            assertThat(prometheus).contains("pacer_work_capacity{application=\"health-service\",queue=\"health-probes\"");
        });
        Http.Response readiness = Http.get("http://localhost:" + port + "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("workQueues").contains("health-probes");
        assertThat(state.result("/h/metrics", "nope", 0)).isEmpty();
    }
}
