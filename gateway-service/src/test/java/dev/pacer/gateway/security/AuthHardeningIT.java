package dev.pacer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pacer.gateway.GatewayApplication;
import dev.pacer.testsupport.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Gateway authentication hardening, on a real port in front of a stub scheduler: the bootstrap admin,
 * failed-login throttling per principal and per client address (429 JSON without a password check),
 * the JWT audience, and the one predicate that decides both "open as app traffic" and "routed as app
 * traffic". Authentication is on by default here: no {@code enabled} property is set.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false",
                "pacer.gateway.security.admin.name=boss",
                "pacer.gateway.security.tokens[0].value=namesake-token",
                "pacer.gateway.security.tokens[0].principal=boss",
                "pacer.gateway.security.jwt.hmac-secret=" + AuthHardeningIT.JWT_SECRET,
                "pacer.gateway.security.jwt.audience=pacer-gateway",
                "pacer.gateway.security.throttle.per-principal=3",
                "pacer.gateway.security.throttle.per-address=20",
                "pacer.gateway.security.throttle.window=1m",
                "pacer.gateway.authz.rules[0].groups=team-a",
                "pacer.gateway.authz.rules[0].prefixes=/team-a",
                "pacer.gateway.authz.rules[0].actions=view,create,update,delete,kill",
                "pacer.gateway.apps.domain=apps.example.com",
                "pacer.gateway.rate-limit.replenish-rate=1000",
                "pacer.gateway.rate-limit.burst-capacity=1000"})
class AuthHardeningIT {

    static final String JWT_SECRET = "another-test-only-hmac-secret-of-32-bytes+";
    static final StubScheduler SCHEDULER = new StubScheduler();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String BOSS = AuthIT.basic("boss", "boss-pw");
    static final String ERIN = AuthIT.basic("erin", "erin-pw");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("spring.cloud.discovery.client.simple.instances.scheduler-service[0].uri", SCHEDULER::url);
        registry.add("pacer.gateway.security.admin.password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("boss-pw"));
        // a costly hash, so that a refusal without a password check is visibly faster than one with
        registry.add("pacer.gateway.security.users[0].name", () -> "erin");
        registry.add("pacer.gateway.security.users[0].password", () -> "{noop}erin-pw");
        registry.add("pacer.gateway.security.users[0].groups", () -> "team-a");
        registry.add("pacer.gateway.security.users[1].name", () -> "dave");
        registry.add("pacer.gateway.security.users[1].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(12).encode("dave-pw"));
    }

    @AfterAll
    static void stop() {
        SCHEDULER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theBootstrapAdmin_mayDoEverythingWithoutARule_aTokenNamedLikeItMayNot() {
        assertThat(call("PUT", "/v2/apps/team-b/web", BOSS, "{\"instances\":2}").statusCode()).isEqualTo(200);
        assertThat(call("GET", "/v2/apps", BOSS, null).body()).contains("/team-b/web").contains("/other");
        assertThat(call("GET", "/actuator/gateway/routes", BOSS, null).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/v2/apps/team-b/web", "token=namesake-token", "{\"instances\":2}").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/v2/apps", "token=namesake-token", null).body()).doesNotContain("/team-b/web");
        assertThat(call("GET", "/v2/apps", ERIN, null).body()).contains("/team-a/web").doesNotContain("/team-b/web");
    }

    @Test
    void failedLogins_areThrottledPerPrincipal_with429Json_withoutAPasswordCheck() {
        long slowest401 = 0;
        long fastest401 = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> wrong = call("GET", "/v2/apps", AuthIT.basic("dave", "wrong-" + i), null);
            long took = System.nanoTime() - start;
            assertThat(wrong.statusCode()).isEqualTo(401);
            fastest401 = Math.min(fastest401, took);
            slowest401 = Math.max(slowest401, took);
        }
        long start = System.nanoTime();
        HttpResponse<String> throttled = call("GET", "/v2/apps", AuthIT.basic("dave", "dave-pw"), null);
        long took = System.nanoTime() - start;
        System.out.printf("[throttle] 401 with a bcrypt(12) check: %.0f-%.0f ms; 429 without a check: %.1f ms%n",
                fastest401 / 1e6, slowest401 / 1e6, took / 1e6);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(throttled.body()).matches("\\{\"message\":\"Too many failed logins; retry after \\d+ s\"}");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(took).isLessThan(fastest401 / 2);
        assertThat(call("GET", "/v2/apps", ERIN, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", null, null).body()).contains("pacer_gateway_authentication_throttled_total");
    }

    /** From a second client address, so that the other tests (all from 127.0.0.1) are not throttled by it. */
    @Test
    void failedLogins_areThrottledPerClientAddress_whateverTheNamesTried() {
        for (int i = 0; i < 20; i++) {
            RawHttp.Response unknown = RawHttp.send("127.0.0.2", port, "GET", "/v2/apps", "localhost", AuthIT.basic("nobody-" + i, "x"));
            assertThat(unknown.status()).isEqualTo(401);
        }
        RawHttp.Response throttled = RawHttp.send("127.0.0.2", port, "GET", "/v2/apps", "localhost", ERIN);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).startsWith("{\"message\":\"Too many failed logins");
        assertThat(RawHttp.send("127.0.0.2", port, "GET", "/v2/apps", "localhost", "token=nope").status()).isEqualTo(429);
        assertThat(RawHttp.send("127.0.0.1", port, "GET", "/v2/apps", "localhost", ERIN).status()).isEqualTo(200);
    }

    @Test
    void aJwt_mustNameTheConfiguredAudience() {
        assertThat(call("GET", "/v2/apps", "Bearer " + jwt("pacer-gateway"), null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/v2/apps", "Bearer " + jwt("another-service"), null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/v2/apps", "Bearer " + jwt(null), null).statusCode()).isEqualTo(401);
    }

    /** On main, security opened every host ending in ".<domain>" while the route took only app hosts: ".<domain>" reached the API. */
    @Test
    void aHostThatNamesNoApp_isNeitherOpenNorAppTraffic() {
        for (String host : new String[] {".apps.example.com", "a..apps.example.com", "Web_1.apps.example.com", "apps.example.com"}) {
            RawHttp.Response api = RawHttp.send("127.0.0.1", port, "GET", "/v2/apps", host, null);
            assertThat(api.status()).as(host).isEqualTo(401);
        }
        RawHttp.Response app = RawHttp.send("127.0.0.1", port, "GET", "/v2/apps", "web.team.apps.example.com", null);
        assertThat(app.status()).isEqualTo(404);
        assertThat(app.body()).isEqualTo("{\"message\":\"No app is registered for host 'web.team.apps.example.com'\"}");
    }

    /**
     * On main, a keep-alive connection that carried an authenticated request and then a 401 sometimes left
     * the next request unanswered (a few in a hundred sequences; AuthIT's "unexplained hang"). The 401
     * now closes its connection: 100 such sequences, every request answered.
     */
    @Test
    void aRequestAfterA401_onAKeepAliveConnection_isAnswered() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int unanswered = 0;
        for (int i = 0; i < 100; i++) {
            for (String[] request : new String[][] {{"DELETE", "/v2/groups/team-a", ERIN}, {"DELETE", "/v2/groups/team-a", null},
                    {"PUT", "/v2/groups/team-b", ERIN}}) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request[1]))
                        .timeout(Duration.ofSeconds(5)).method(request[0], HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json");
                if (request[2] != null) {
                    builder.header("Authorization", request[2]);
                }
                try {
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                } catch (HttpTimeoutException e) {
                    unanswered++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(unanswered).as("requests never answered of 300").isZero();
    }

    private HttpResponse<String> call(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String jwt(String audience) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("carol").claim("groups", List.of("team-a"))
                    .expirationTime(new Date(System.currentTimeMillis() + 60_000));
            if (audience != null) {
                claims.audience(audience);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
