package dev.pacer.gateway.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.discovery.AppDiscovery;
import dev.pacer.contract.discovery.InstanceChange;
import dev.pacer.contract.ids.AppId;
import dev.pacer.gateway.GatewayApplication;
import dev.pacer.testsupport.FakeEureka;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * App traffic through the gateway to real HTTP instances registered in a (fake) Eureka: only UP
 * instances get requests, a change announced on Redis is routed within milliseconds, a refused
 * connection is retried on another instance, and the errors are JSON.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.gateway.security.enabled=false",
                "pacer.gateway.apps.resync-interval=5s", "pacer.gateway.apps.domain=apps.test"})
class AppTrafficIT {

    static final FakeEureka EUREKA = FakeEureka.start(Duration.ofMinutes(5));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String APP = "/shop/web";
    static final String NAME = AppDiscovery.eurekaAppName(AppId.parse(APP));
    static final Map<String, HttpServer> INSTANCES = Map.of(
            "a", instance("a"), "b", instance("b"), "c", instance("c"));

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("pacer.gateway.apps.eureka-urls", EUREKA::url);
    }

    @AfterAll
    static void stop() {
        INSTANCES.values().forEach(s -> s.stop(0));
        EUREKA.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void onlyUpInstances_getTraffic_withThePathAfterTheAppIdAndTheQuery() {
        register("a", "UP");
        register("b", "STARTING");
        register("c", "OUT_OF_SERVICE");
        announce("a", "UP");
        await().atMost(Duration.ofSeconds(3)).until(() -> Http.get(url("/apps/shop/web/x")).status() == 200);

        Set<String> reached = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Http.Response response = Http.get(url("/apps/shop/web/some/page?q=1"));
            assertThat(response.status()).isEqualTo(200);
            reached.add(response.body());
        }
        assertThat(reached).containsExactly("a /some/page?q=1");
        EUREKA.remove(NAME, "b");
        EUREKA.remove(NAME, "c");
    }

    @Test
    void anInstanceTurningUp_getsTraffic_andAKilledOne_none_withinMilliseconds() {
        register("a", "UP");
        register("b", "STARTING");
        announce("b", "STARTING");
        await().atMost(Duration.ofSeconds(3)).until(() -> Http.get(url("/apps/shop/web/")).body().startsWith("a"));

        EUREKA.setStatus(NAME, "b", "UP");
        long upAt = System.nanoTime();
        announce("b", "UP");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(2))
                .until(() -> Http.get(url("/apps/shop/web/")).body().startsWith("b"));
        long upMillis = (System.nanoTime() - upAt) / 1_000_000;

        EUREKA.remove(NAME, "b");
        long killedAt = System.nanoTime();
        announce("b", InstanceChange.REMOVED);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(2))
                .until(() -> routedOnlyTo("a", 4));
        long goneMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("[propagation] gateway: UP -> routed in %d ms, removed -> not routed in %d ms%n", upMillis, goneMillis);
        assertThat(upMillis).isLessThan(2000);
        assertThat(goneMillis).isLessThan(2000);
    }

    @Test
    void aRefusedConnection_isRetriedOnAnotherInstance() {
        register("a", "UP");
        EUREKA.register(NAME, "dead", "localhost", FreePorts.next(), "UP", Map.of(AppDiscovery.META_APP_ID, APP));
        announce("dead", "UP");
        await().atMost(Duration.ofSeconds(3)).until(() -> EUREKA.status(NAME, "dead").isPresent()
                && Http.get(url("/apps/shop/web/")).status() == 200);

        for (int i = 0; i < 10; i++) {
            Http.Response response = Http.send("POST", url("/apps/shop/web/post"), "{}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("a /post");
        }
        EUREKA.remove(NAME, "dead");
        announce("dead", InstanceChange.REMOVED);
    }

    @Test
    void withoutAnUpInstance_503Json_andAnUnknownApp_404Json() {
        String lonely = "/shop/lonely";
        String name = AppDiscovery.eurekaAppName(AppId.parse(lonely));
        EUREKA.register(name, "l1", "localhost", INSTANCES.get("a").getAddress().getPort(), "STARTING",
                Map.of(AppDiscovery.META_APP_ID, lonely));
        announce(lonely, "l1", "STARTING");
        await().atMost(Duration.ofSeconds(3)).until(() -> Http.get(url("/apps/shop/lonely/")).status() == 503);

        Http.Response none = Http.get(url("/apps/shop/lonely/"));
        assertThat(none.header("Content-Type")).startsWith("application/json");
        assertThat(none.body()).isEqualTo("{\"message\":\"App '/shop/lonely' has no healthy instance\"}");
        Http.Response unknown = Http.get(url("/apps/nobody/here"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("{\"message\":");
    }

    @Test
    void anInstanceRegisteredWithoutAMessage_isFoundByTheResync() {
        String quiet = "/shop/quiet";
        EUREKA.register(AppDiscovery.eurekaAppName(AppId.parse(quiet)), "q1", "localhost",
                INSTANCES.get("c").getAddress().getPort(), "UP", Map.of(AppDiscovery.META_APP_ID, quiet));
        await().atMost(Duration.ofSeconds(8)).until(() -> Http.get(url("/apps/shop/quiet/")).status() == 200);
    }

    @Test
    void hostBasedRouting_sendsTheWholePathToTheApp() throws IOException {
        register("a", "UP");
        announce("a", "UP");
        await().atMost(Duration.ofSeconds(3)).until(() -> Http.get(url("/apps/shop/web/")).status() == 200);

        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /v2/apps?x=1 HTTP/1.1\r\nHost: web.shop.apps.test\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("a /v2/apps?x=1");
        }
    }

    private boolean routedOnlyTo(String name, int requests) {
        for (int i = 0; i < requests; i++) {
            if (!Http.get(url("/apps/shop/web/")).body().startsWith(name)) {
                return false;
            }
        }
        return true;
    }

    private void register(String instance, String status) {
        EUREKA.register(NAME, instance, "localhost", INSTANCES.get(instance).getAddress().getPort(), status,
                Map.of(AppDiscovery.META_APP_ID, APP));
    }

    private void announce(String instance, String status) {
        announce(APP, instance, status);
    }

    private void announce(String app, String instance, String status) {
        redis.convertAndSend(AppDiscovery.INSTANCE_CHANGES,
                JSON.writeValueAsString(new InstanceChange(app, instance, status, System.currentTimeMillis()))).block();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static HttpServer instance(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = (name + " " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
