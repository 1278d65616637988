package dev.pacer.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.gateway.GatewayApplication;
import dev.pacer.testsupport.TestRedis;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v2/events} of a real gateway on a real Redis, read by a real SSE consumer: framing and ids,
 * filters, authorization, resume across a gateway restart, reset, a slow subscriber cut off while a
 * fast one keeps up, heartbeats. Events are appended to the stream as the scheduler's EventLog does.
 */
class EventStreamIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADMIN = basic("root", "root-pw");
    private static final String ALICE = basic("alice", "alice-pw");
    private static final String BOB = basic("bob", "bob-pw");
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;
    private static ConfigurableApplicationContext gateway;

    @BeforeAll
    static void start() {
        RedisURI uri = RedisURI.create(TestRedis.url());
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        gateway = startGateway();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        factory.destroy();
    }

    private static ConfigurableApplicationContext startGateway() {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--eureka.client.enabled=false", "--spring.data.redis.url=" + TestRedis.url(),
                "--pacer.gateway.security.enabled=true",
                "--pacer.gateway.security.users[0].name=alice", "--pacer.gateway.security.users[0].password={noop}alice-pw",
                "--pacer.gateway.security.users[0].groups=team-a",
                "--pacer.gateway.security.users[1].name=bob", "--pacer.gateway.security.users[1].password={noop}bob-pw",
                "--pacer.gateway.security.users[1].groups=team-b",
                "--pacer.gateway.security.users[2].name=root", "--pacer.gateway.security.users[2].password={noop}root-pw",
                "--pacer.gateway.authz.rules[0].groups=team-a", "--pacer.gateway.authz.rules[0].prefixes=/team-a",
                "--pacer.gateway.authz.rules[0].actions=view",
                "--pacer.gateway.authz.rules[1].groups=team-b", "--pacer.gateway.authz.rules[1].prefixes=/team-b",
                "--pacer.gateway.authz.rules[1].actions=view",
                "--pacer.gateway.authz.rules[2].principals=root", "--pacer.gateway.authz.rules[2].prefixes=/",
                "--pacer.gateway.authz.rules[2].actions=view",
                "--pacer.gateway.events.heartbeat=1s", "--pacer.gateway.events.buffer-size=256",
                "--pacer.gateway.events.read-batch=16");
    }

    private static String url(String pathAndQuery) {
        return "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port") + pathAndQuery;
    }

    @Test
    void attachedFirst_thenEventsWithStreamIds_inMarathonsFraming_andHeartbeats() {
        try (SseClient client = SseClient.connect(url("/v2/events"), ADMIN, null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            SseClient.Frame attached = client.nextEvent(WAIT);
            assertThat(attached.event()).isEqualTo("event_stream_attached");
            JsonNode data = JSON.readTree(attached.data());
            assertThat(data.path("remoteAddress").asString()).isEqualTo("127.0.0.1");
            assertThat(data.path("eventType").asString()).isEqualTo("event_stream_attached");
            assertThat(data.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            String id = append("app_terminated_event", "/framing/web");
            SseClient.Frame frame = client.nextEvent(WAIT);
            assertThat(frame.id()).isEqualTo(id);
            assertThat(frame.event()).isEqualTo("app_terminated_event");
            assertThat(JSON.readTree(frame.data()).path("appId").asString()).isEqualTo("/framing/web");

            SseClient.Frame heartbeat = client.next(Duration.ofSeconds(3));
            assertThat(heartbeat.comment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void eventTypeAndAppFilters_runInTheGateway() {
        try (SseClient client = SseClient.connect(url("/v2/events?event_type=status_update_event&event_type=app_terminated_event"
                + "&app=/filters/a&app=/filters/c"), ADMIN, null)) {
            assertThat(client.nextEvent(WAIT).event()).isEqualTo("event_stream_attached");
            append("status_update_event", "/filters/b/web");      // other app
            append("api_post_event", "/filters/a/web");           // other type
            String wanted = append("status_update_event", "/filters/a/web");
            String alsoWanted = append("app_terminated_event", "/filters/c");
            append("app_terminated_event", "/filters/cc");        // a prefix is a whole segment

            List<SseClient.Frame> got = client.eventsWithin(Duration.ofSeconds(2));
            assertThat(got).extracting(SseClient.Frame::id).containsExactly(wanted, alsoWanted);
        }
    }

    @Test
    void aUserSeesOnlyEventsOfAppsUnderTheirPrefixes_andAnonymousIsRefused() throws Exception {
        try (SseClient alice = SseClient.connect(url("/v2/events"), ALICE, null);
             SseClient bob = SseClient.connect(url("/v2/events"), BOB, null)) {
            alice.nextEvent(WAIT);
            bob.nextEvent(WAIT);
            String a = append("status_update_event", "/team-a/web");
            String b = append("status_update_event", "/team-b/web");
            append("deployment_info", "/team-a/web,/team-b/web"); // concerns both: neither team sees the other's id
            append("scheduler_event", "");                         // concerns no app: admins only

            assertThat(alice.eventsWithin(Duration.ofSeconds(2))).extracting(SseClient.Frame::id).containsExactly(a);
            assertThat(bob.eventsWithin(Duration.ofMillis(200))).extracting(SseClient.Frame::id).containsExactly(b);
        }
        try (SseClient anonymous = SseClient.connect(url("/v2/events"), null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body()).isEqualTo("{\"message\":\"Invalid username or password.\"}");
        }
    }

    @Test
    void withoutAcceptEventStream_is405WithAJsonMessage_andABadLastEventIdIs400() throws Exception {
        var http = HttpClient.newHttpClient();
        var response = http.send(HttpRequest.newBuilder(URI.create(url("/v2/events")))
                .header("Authorization", ADMIN).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(response.body()).path("message").asString()).contains("text/event-stream");

        try (SseClient client = SseClient.connect(url("/v2/events"), ADMIN, "not-an-id")) {
            assertThat(client.status()).isEqualTo(400);
            assertThat(JSON.readTree(client.body()).path("message").asString()).contains("Last-Event-ID");
        }
    }

    @Test
    void resumingWithLastEventId_acrossAGatewayRestart_losesAndRepeatsNothing() {
        String lastSeen;
        List<String> before = new ArrayList<>();
        try (SseClient client = SseClient.connect(url("/v2/events?app=/resume"), ADMIN, null)) {
            client.nextEvent(WAIT);
            before.add(append("status_update_event", "/resume/web"));
            before.add(append("status_update_event", "/resume/web"));
            assertThat(client.nextEvent(WAIT).id()).isEqualTo(before.get(0));
            lastSeen = client.nextEvent(WAIT).id();
            assertThat(lastSeen).isEqualTo(before.get(1));
        }
        gateway.close();
        List<String> whileDown = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // more than one replay page (read-batch 16)
            whileDown.add(append("status_update_event", "/resume/web"));
            append("status_update_event", "/other/web");
        }
        gateway = startGateway();

        try (SseClient client = SseClient.connect(url("/v2/events?app=/resume"), ADMIN, lastSeen)) {
            assertThat(client.nextEvent(WAIT).event()).isEqualTo("event_stream_attached");
            List<String> got = new ArrayList<>();
            for (int i = 0; i < whileDown.size(); i++) {
                got.add(client.nextEvent(WAIT).id());
            }
            assertThat(got).isEqualTo(whileDown);
            String live = append("status_update_event", "/resume/web");
            assertThat(client.eventsWithin(Duration.ofSeconds(2))).extracting(SseClient.Frame::id).containsExactly(live);
        }
    }

    @Test
    void anIdOlderThanTheStreamsOldestEntry_getsEventStreamReset_thenLiveEvents() {
        append("status_update_event", "/reset/old");
        redis.opsForStream().trim(RedisKeys.EVENT_STREAM, 1);
        try (SseClient client = SseClient.connect(url("/v2/events?app=/reset"), ADMIN, "1-0")) {
            assertThat(client.nextEvent(WAIT).event()).isEqualTo("event_stream_attached");
            SseClient.Frame reset = client.nextEvent(WAIT);
            assertThat(reset.event()).isEqualTo("event_stream_reset");
            assertThat(JSON.readTree(reset.data()).path("lastEventId").asString()).isEqualTo("1-0");
            String live = append("status_update_event", "/reset/new");
            assertThat(client.nextEvent(WAIT).id()).isEqualTo(live);
        }
    }

    @Test
    void aSlowSubscriber_isCutOff_whileAFastOneReceivesEverything() throws Exception {
        MeterRegistry registry = gateway.getBean(MeterRegistry.class);
        double droppedBefore = registry.counter("pacer.gateway.events.dropped").count();
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"))));
            OutputStream out = slow.getOutputStream();
            out.write(("GET /v2/events?app=/slow HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: "
                    + ADMIN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = slow.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            // from here on the slow subscriber reads nothing

            try (SseClient fast = SseClient.connect(url("/v2/events?app=/slow"), ADMIN, null)) {
                fast.nextEvent(WAIT);
                String padding = "x".repeat(3000);
                List<String> ids = new ArrayList<>();
                List<String> got = new ArrayList<>();
                // in bursts of 50 (a deployment's worth), 9 MB in all: more than the slow one's socket buffers hold
                for (int burst = 0; burst < 60; burst++) {
                    for (int i = 0; i < 50; i++) {
                        ids.add(append("status_update_event", "/slow/web", padding));
                    }
                    for (int i = 0; i < 50; i++) {
                        got.add(fast.nextEvent(WAIT).id());
                    }
                }
                assertThat(got).isEqualTo(ids);
            }
            await().atMost(WAIT).until(() -> registry.counter("pacer.gateway.events.dropped").count() > droppedBefore);
        }
    }

    private static String append(String type, String apps) {
        return append(type, apps, null);
    }

    /** As the scheduler's EventLog writes an entry. */
    private static String append(String type, String apps, String padding) {
        Map<String, Object> event = new LinkedHashMap<>();
        String first = apps.isEmpty() ? "" : apps.split(",")[0];
        event.put("appId", first);
        if (padding != null) {
            event.put("message", padding);
        }
        event.put("eventType", type);
        event.put("timestamp", "2026-12-02T15:16:25.476Z");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(RedisKeys.EVENT_TYPE_FIELD, type);
        fields.put(RedisKeys.EVENT_APPS_FIELD, apps);
        fields.put(RedisKeys.EVENT_FIELD, JSON.writeValueAsString(event));
        return redis.opsForStream().add(StreamRecords.mapBacked(fields).withStreamKey(RedisKeys.EVENT_STREAM)).getValue();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
