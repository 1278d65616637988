package dev.pacer.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.ApiPaths;
import dev.pacer.gateway.GatewayApplication;
import dev.pacer.gateway.proxy.LoopLocalConnectionProvider;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a real port in front of stub services on real ports. Instances come from Spring
 * Cloud's simple discovery client here (Eureka off); the local-stack end-to-end test covers Eureka.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.gateway.security.enabled=false",
                "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
                "pacer.gateway.unreachable-ejection=1h"})
class RoutesIT {

    static final List<String> schedulerSaw = new CopyOnWriteArrayList<>();
    /** The X-Forwarded-Host/-Port/-Proto of each request the scheduler stub got, in one line each. */
    static final List<String> schedulerForwarded = new CopyOnWriteArrayList<>();
    static final HttpServer scheduler = stub("scheduler", schedulerSaw);
    static final HttpServer secrets = stub("secrets", new CopyOnWriteArrayList<>());
    static final int DEAD_PORT = FreePorts.next();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("spring.cloud.discovery.client.simple.instances.scheduler-service[0].uri",
                () -> "http://localhost:" + scheduler.getAddress().getPort());
        // a second scheduler instance that died but is still listed: nothing listens on its port
        registry.add("spring.cloud.discovery.client.simple.instances.scheduler-service[1].uri",
                () -> "http://localhost:" + DEAD_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.secrets-service[0].uri",
                () -> "http://localhost:" + secrets.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        scheduler.stop(0);
        secrets.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    reactor.netty.http.client.HttpClient proxyClient; // fully qualified: the JDK HttpClient is imported

    @Autowired
    MeterRegistry registry;

    /** An API call the scheduler does not answer in time ends as a JSON 504, not a held connection. */
    @Test
    void anUnansweredApiCall_is504JsonAfterTheResponseTimeout() {
        long start = System.nanoTime();
        Http.Response response = Http.get(url("/v2/slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.status()).isEqualTo(504);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).startsWith("{\"message\":\"Response took longer than timeout");
        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofMillis(5500));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Routes proxy through the gateway's HTTP client, whose connections are pooled per event loop. */
    @Test
    void routesProxyThroughPoolsKeptPerEventLoop() {
        assertThat(proxyClient.configuration().connectionProvider()).isInstanceOf(LoopLocalConnectionProvider.class);
        assertThat(Http.get(url(ApiPaths.PING)).status()).isEqualTo(200);
    }

    /** A listed scheduler that refuses connections costs a retry on the live one, for writes too: nothing was sent. */
    @Test
    void aDeadSchedulerInstance_isRetriedOnTheLiveOne_forEveryMethod() {
        for (int i = 0; i < 10; i++) {
            assertThat(Http.send("POST", url(ApiPaths.V2_APPS), "{}").status()).as("POST %d", i).isEqualTo(200);
            assertThat(Http.get(url(ApiPaths.V2_INFO)).status()).as("GET %d", i).isEqualTo(200);
        }
    }

    /**
     * The dead instance is tried once: ejected after its first connect failure, it is not drawn again (each retry
     * would otherwise draw from a list that still holds it; about every other request would pay a failed connect).
     */
    @Test
    void aDeadInstance_isTriedOnce_thenSkipped() {
        for (int i = 0; i < 20; i++) {
            assertThat(Http.get(url(ApiPaths.V2_INFO)).status()).as("GET %d", i).isEqualTo(200);
        }
        assertThat(registry.get("pacer.gateway.upstream.unreachable").tag("upstream", "scheduler-service").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void marathonApi_reachesTheScheduler() {
        for (String path : List.of(ApiPaths.V2_INFO, ApiPaths.PING, ApiPaths.METRICS)) {
            Http.Response response = Http.get(url(path));
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).isEqualTo("scheduler " + path);
        }
    }

    /**
     * The scheduler learns the address clients reach it at (Marathon's {@code leader}) from the gateway alone: a
     * client's own X-Forwarded-* headers are replaced, never passed on.
     */
    @Test
    void theSchedulerIsToldTheGatewaysAddress_notWhatAClientClaims() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url("/v2/leader?forwarded")))
                .header("X-Forwarded-Host", "evil.example:666").header("X-Forwarded-Port", "666")
                .header("X-Forwarded-Proto", "https").GET().build();
        var client = HttpClient.newHttpClient();
        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(schedulerForwarded).contains("/v2/leader?forwarded [localhost:" + port + "] [" + port + "] [http]");
    }

    /** The Marathon Java client sends {@code /v2/apps//<id>}; the id must arrive whole (the gateway collapses the {@code //}). */
    @Test
    void theJavaClientsDoubleSlash_reachesTheSchedulerWithTheIdIntact() {
        Http.Response response = Http.get(url("/v2/apps//team/web?embed=apps.tasks"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(schedulerSaw).contains("/v2/apps/team/web?embed=apps.tasks");
    }

    @Test
    void secretsApi_reachesTheSecretsService() {
        assertThat(Http.get(url("/api/secrets/prod/db")).body()).isEqualTo("secrets /api/secrets/prod/db");
    }

    @Test
    void aServiceWithoutInstances_is503Json() {
        Http.Response response = Http.get(url("/api/health/members"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).startsWith("{\"message\":");
    }

    @Test
    void unknownPath_isJson404_evenForABrowser() {
        Http.Response response = Http.get(url("/no/such/route"), "text/html");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Path '/no/such/route' does not exist\"}");
    }

    @Test
    void routes_areListedOnTheActuator() {
        assertThat(Http.get(url("/actuator/gateway/routes")).body())
                .contains("marathon-api").contains("secrets-api").contains("health-api");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static HttpServer stub(String name, List<String> seen) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                String uri = exchange.getRequestURI().toString();
                seen.add(uri);
                if (name.equals("scheduler")) {
                    var h = exchange.getRequestHeaders();
                    schedulerForwarded.add(uri + " " + h.get("X-Forwarded-Host") + " " + h.get("X-Forwarded-Port") + " "
                            + h.get("X-Forwarded-Proto"));
                }
                if (uri.startsWith("/v2/slow")) {
                    sleep(Duration.ofSeconds(6));
                }
                byte[] body = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
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
