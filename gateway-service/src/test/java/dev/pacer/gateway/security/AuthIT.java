package dev.pacer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import mesosphere.marathon.client.Marathon;
import mesosphere.marathon.client.MarathonClient;
import mesosphere.marathon.client.MarathonException;
import mesosphere.marathon.client.model.v2.App;
import mesosphere.marathon.client.model.v2.VersionedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication (Basic, token=, Bearer JWT), authorization by app-id prefix with filtered lists,
 * the JSON 401/403/429 bodies, the Marathon-only {@code //} firewall relaxation and the real Marathon
 * Java client, through the gateway in front of a stub scheduler.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false",
                "pacer.gateway.security.enabled=true",
                "pacer.gateway.security.users[0].name=alice",
                "pacer.gateway.security.users[0].password={noop}alice-pw",
                "pacer.gateway.security.users[0].groups=team-a",
                "pacer.gateway.security.users[1].name=admin",
                "pacer.gateway.security.users[1].password={bcrypt}$2a$04$M6YG1XZDH2rF.rtlVtcE/OU9L2zY7Zq8xJ2QzE8u1yk5Z4vG1oK8a",
                "pacer.gateway.security.users[2].name=root",
                "pacer.gateway.security.users[2].password={noop}root-pw",
                "pacer.gateway.security.users[3].name=amy",
                "pacer.gateway.security.users[3].password={noop}amy-pw",
                "pacer.gateway.security.users[3].groups=team-a",
                "pacer.gateway.security.users[4].name=ann",
                "pacer.gateway.security.users[4].password={noop}ann-pw",
                "pacer.gateway.security.users[4].groups=team-a",
                "pacer.gateway.security.tokens[0].value=ci-token",
                "pacer.gateway.security.tokens[0].principal=ci",
                "pacer.gateway.security.tokens[0].groups=team-a",
                "pacer.gateway.security.tokens[1].value=flood-token",
                "pacer.gateway.security.tokens[1].principal=flood",
                "pacer.gateway.security.tokens[1].groups=team-a",
                "pacer.gateway.security.jwt.hmac-secret=" + AuthIT.JWT_SECRET,
                "pacer.gateway.authz.rules[0].groups=team-a",
                "pacer.gateway.authz.rules[0].prefixes=/team-a,/org/team-a",
                "pacer.gateway.authz.rules[0].actions=view,create,update,delete,kill",
                "pacer.gateway.authz.rules[1].principals=root",
                "pacer.gateway.authz.rules[1].prefixes=/",
                "pacer.gateway.authz.rules[1].actions=view,create,update,delete,kill",
                "pacer.gateway.rate-limit.replenish-rate=5",
                "pacer.gateway.rate-limit.burst-capacity=20"})
class AuthIT {

    static final String JWT_SECRET = "a-test-only-hmac-secret-of-at-least-32-bytes";
    static final StubScheduler SCHEDULER = new StubScheduler();
    static final JsonMapper JSON = JsonMapper.builder().build();
    // HTTP/1.1 as Marathon clients speak it (the JDK client's default, HTTP/2, adds an h2c upgrade attempt)
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String ALICE = basic("alice", "alice-pw");
    static final String ROOT = basic("root", "root-pw");
    // team-a users of their own, so that the writes of the newer tests do not empty alice's rate-limit bucket
    static final String AMY = basic("amy", "amy-pw");
    static final String ANN = basic("ann", "ann-pw");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("spring.cloud.discovery.client.simple.instances.scheduler-service[0].uri", SCHEDULER::url);
        registry.add("spring.cloud.discovery.client.simple.instances.secrets-service[0].uri", SCHEDULER::url);
    }

    @AfterAll
    static void stop() {
        SCHEDULER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void noOrBadCredentials_are401WithMarathonsJsonBody() {
        for (String authorization : new String[] {null, basic("alice", "wrong"), "token=nope", "Bearer not.a.jwt",
                "Digest abc", basic("nobody", "x")}) {
            Response response = call("GET", "/v2/apps", authorization, null);
            assertThat(response.status).as(authorization).isEqualTo(401);
            assertThat(response.contentType).startsWith("application/json");
            assertThat(response.body).isEqualTo("{\"message\":\"Invalid username or password.\"}");
            assertThat(response.wwwAuthenticate).startsWith("Basic");
        }
    }

    @Test
    void ping_needsNoCredentials() {
        assertThat(call("GET", "/ping", null, null).body).isEqualTo("pong");
    }

    @Test
    void aTeamAUser_seesOnlyTeamAInEveryList() {
        for (String authorization : new String[] {ALICE, "token=ci-token", "Bearer " + jwt("carol", List.of("team-a"))}) {
            assertThat(ids(call("GET", "/v2/apps?embed=apps.tasks", authorization, null).json().get("apps"), "id"))
                    .containsExactly("/team-a/web", "/org/team-a/api");
            assertThat(ids(call("GET", "/v2/tasks", authorization, null).json().get("tasks"), "appId"))
                    .containsExactly("/team-a/web");
            assertThat(call("GET", "/v2/queue", authorization, null).json().get("queue"))
                    .extracting(q -> q.get("app").get("id").asString()).containsExactly("/team-a/web");
            assertThat(ids(call("GET", "/v2/deployments", authorization, null).json(), "id")).containsExactly("d1", "d3");
            assertThat(call("GET", "/v2/deployments", authorization, null).body).doesNotContain("team-b");
            JsonNode root = call("GET", "/v2/groups", authorization, null).json();
            assertThat(root.get("apps")).isEmpty();
            assertThat(ids(root.get("groups"), "id")).containsExactly("/team-a", "/org");
            JsonNode org = root.get("groups").get(1);
            assertThat(org.get("apps")).isEmpty();
            assertThat(ids(org.get("groups"), "id")).containsExactly("/org/team-a");
            assertThat(ids(org.get("groups").get(0).get("apps"), "id")).containsExactly("/org/team-a/api");
        }
    }

    @Test
    void aTeamAUser_cannotChangeTeamB_andNothingReachesTheScheduler() {
        List<String[]> writes = List.of(
                new String[] {"POST", "/v2/apps", "{\"id\":\"/team-b/new\",\"cmd\":\"x\"}"},
                new String[] {"PUT", "/v2/apps/team-b/web", "{\"instances\":3}"},
                new String[] {"PUT", "/v2/apps", "[{\"id\":\"/team-a/web\"},{\"id\":\"/team-b/web\"}]"},
                new String[] {"DELETE", "/v2/apps/team-b/web", null},
                new String[] {"DELETE", "/v2/apps/team-b/web/tasks/team-b_web.instance-1", null},
                new String[] {"POST", "/v2/apps/team-b/web/restart", null},
                new String[] {"POST", "/v2/tasks/delete",
                        "{\"ids\":[\"team-b_web.instance-0f8e3d0e-2b43-4a86-9a4d-1a2b3c4d5e6f._app.1\"]}"},
                new String[] {"PUT", "/v2/groups/team-b", "{\"apps\":[]}"},
                new String[] {"DELETE", "/v2/leader", null});
        for (String[] write : writes) {
            Response response = call(write[0], write[1], ALICE, write[2]);
            assertThat(response.status).as(write[0] + " " + write[1]).isEqualTo(403);
            assertThat(response.body).isEqualTo("{\"message\":\"Not Authorized to perform this action!\"}");
        }
        assertThat(SCHEDULER.seen).noneMatch(s -> !s.method().equals("GET") && s.uri().contains("team-b"));
        assertThat(call("GET", "/v2/apps/team-b/web", ALICE, null).status).isEqualTo(403);
    }

    /** The gateway reads path ids as the scheduler does (wire-contract's parser): no spelling slips past the check. */
    @Test
    void percentEncodedIds_areTheIdsTheSchedulerActsOn_soTheyAreCheckedAsSuch() {
        for (String[] write : List.of(new String[] {"PUT", "/v2/apps/te%61m-b/web"}, new String[] {"DELETE", "/v2/groups/te%61m-b"},
                new String[] {"DELETE", "/v2/apps/%74eam-b/web"}, new String[] {"GET", "/v2/apps/te%61m-b/web"},
                new String[] {"POST", "/v2/apps/te%61m-b/web/restart"}, new String[] {"DELETE", "/v2/queue/te%61m-b/web/delay"},
                new String[] {"GET", "/v2/groups/te%61m-b"}, new String[] {"GET", "/v2/apps/te%61m-b/*"})) {
            Response response = call(write[0], write[1], AMY, write[0].equals("PUT") ? "{\"instances\":3}" : null);
            assertThat(response.status).as(write[0] + " " + write[1]).isEqualTo(403);
        }
        assertThat(SCHEDULER.seen).noneMatch(s -> s.uri().contains("te%61m-b") || s.uri().contains("%74eam-b"));
        Response own = call("PUT", "/v2/apps/te%61m-a/web", AMY, "{\"instances\":3}");
        assertThat(own.status).isEqualTo(200);
        assertThat(SCHEDULER.seen).anyMatch(s -> s.method().equals("PUT") && s.uri().equals("/v2/apps/te%61m-a/web"));
    }

    @Test
    void anIdThatDoesNotParse_isRefused_neverLetThrough() {
        for (String path : List.of("/v2/apps/Team-B/web", "/v2/apps/Not_Valid", "/v2/groups/TEAM-B", "/v2/apps/team-b/*/tasks")) {
            assertThat(call("GET", path, AMY, null).status).as(path).isEqualTo(403);
            assertThat(call("PUT", path, AMY, "{}").status).as(path).isEqualTo(403);
        }
    }

    @Test
    void aGroupBody_isAuthorizedOnEveryIdItCreatesOrChanges() {
        List<String[]> writes = List.of(
                new String[] {"POST", "/v2/groups/team-a", "{\"id\":\"/team-b/x\"}"},
                new String[] {"POST", "/v2/groups/team-a", "{\"id\":\"../team-b/x\"}"},
                new String[] {"POST", "/v2/groups", "{\"id\":\"/team-a\",\"apps\":[{\"id\":\"/team-b/evil\",\"cmd\":\"x\"}]}"},
                new String[] {"POST", "/v2/groups", "{\"id\":\"/team-a\",\"groups\":[{\"id\":\"../team-b\",\"apps\":[]}]}"},
                new String[] {"PUT", "/v2/groups/team-a", "{\"groups\":[{\"id\":\"sub\",\"apps\":[{\"id\":\"../../team-b/x\"}]}]}"},
                new String[] {"PUT", "/v2/groups/team-a", "{\"id\":\"/team-b\",\"apps\":[]}"},
                new String[] {"PUT", "/v2/apps/team-a/web", "{\"id\":\"/team-b/web\",\"instances\":3}"});
        for (String[] write : writes) {
            assertThat(call(write[0], write[1], AMY, write[2]).status).as(write[0] + " " + write[1] + " " + write[2]).isEqualTo(403);
        }
        assertThat(SCHEDULER.seen).noneMatch(s -> s.body().contains("team-b"));
        String legit = "{\"id\":\"sub\",\"apps\":[{\"id\":\"web\",\"cmd\":\"x\"}],\"groups\":[{\"id\":\"inner\",\"apps\":[]}]}";
        Response created = call("POST", "/v2/groups/team-a", AMY, legit);
        assertThat(created.status).isEqualTo(201);
        assertThat(created.body).isEqualTo(legit);
    }

    /** A body whose ids the gateway cannot read is answered with Marathon's 422, never let through as naming nothing. */
    @Test
    void nonStringIds_areMarathons422_andNeverReachTheScheduler() {
        int before = SCHEDULER.seen.size();
        Response number = call("POST", "/v2/apps", ANN, "{\"id\":123,\"cmd\":\"x\"}");
        assertThat(number.status).isEqualTo(422);
        assertThat(number.body).isEqualTo("{\"message\":\"Invalid JSON\",\"details\":[{\"path\":\"/id\",\"errors\":[\"error.expected.jsstring\"]}]}");
        assertThat(call("PUT", "/v2/apps", ANN, "[{\"id\":\"/team-a/web\"},{\"id\":7}]").status).isEqualTo(422);
        assertThat(call("POST", "/v2/groups", ANN, "{\"id\":\"/team-a\",\"apps\":[{\"id\":{\"x\":1}}]}").status).isEqualTo(422);
        assertThat(call("POST", "/v2/apps", ANN, "{\"cmd\":\"no id\"}").status).isEqualTo(422);
        assertThat(call("POST", "/v2/apps", ANN, "{\"id\":\"/Team-A/x\"}").status).isEqualTo(422);
        assertThat(call("POST", "/v2/apps", ANN, "{\"id\": ").status).isEqualTo(400);
        assertThat(SCHEDULER.seen.size()).isEqualTo(before);
    }

    @Test
    void everyRead_isFilteredOrRefused_noTeamBAppLeaks() {
        for (String path : List.of("/v2/apps/*", "/v2/groups/apps", "/v2/groups/org/apps", "/v2/groups/org", "/v2/deployments")) {
            Response response = call("GET", path, ALICE, null);
            assertThat(response.status).as(path).isEqualTo(200);
            assertThat(response.body).as(path).doesNotContain("team-b").doesNotContain("/org/top").doesNotContain("/org/x");
        }
        assertThat(ids(call("GET", "/v2/apps/*", ALICE, null).json().get("*"), "id")).containsExactly("/team-a/web");
        assertThat(ids(call("GET", "/v2/groups/apps", ALICE, null).json(), "id")).containsExactly("/team-a/web", "/org/team-a/api");
        for (String path : List.of("/v2/groups/team-b", "/v2/groups/team-b/apps", "/v2/apps/team-b/*", "/metrics", "/v2/pods",
                "/v2/queue/team-b/web", "/v2/plugins", "/api/health/members", "/v2/groups/versions")) {
            assertThat(call("GET", path, ALICE, null).status).as(path).isEqualTo(403);
        }
        assertThat(call("GET", "/v2/info", ALICE, null).status).isEqualTo(200);
        assertThat(call("GET", "/metrics", ROOT, null).status).isEqualTo(200);
    }

    @Test
    void secrets_areAuthorizedByPathPrefix_andTheAuditIsFiltered() {
        assertThat(call("GET", "/api/secrets/team-a/db", ANN, null).status).isEqualTo(200);
        for (String[] request : List.of(new String[] {"GET", "/api/secrets/team-b/db"}, new String[] {"PUT", "/api/secrets/team-b/db"},
                new String[] {"PUT", "/api/secrets/te%61m-b/db"}, new String[] {"DELETE", "/api/secrets/team-b/db"},
                new String[] {"GET", "/api/secrets/_versions/team-b/db"}, new String[] {"POST", "/api/secrets/_redeem"},
                new String[] {"POST", "/api/secrets/_rewrap"}, new String[] {"GET", "/api/secrets/_redeem"})) {
            assertThat(call(request[0], request[1], ANN, "{\"value\":\"x\"}").status).as(request[0] + " " + request[1]).isEqualTo(403);
        }
        assertThat(call("GET", "/api/secrets", ANN, null).body).contains("/team-a/db").doesNotContain("team-b");
        assertThat(call("GET", "/api/secrets/_audit", ANN, null).body).contains("/team-a/db").doesNotContain("team-b");
        assertThat(call("POST", "/api/secrets/_rewrap", ROOT, "{}").status).isEqualTo(201);
        assertThat(call("GET", "/api/secrets/_audit", ROOT, null).body).contains("team-b");
    }

    /** Marathon's {@code /metrics} is behind authentication like {@code /v2}, and names no app: view on the root. */
    @Test
    void metrics_needCredentialsAndViewOnTheRoot_thenReachTheScheduler() {
        Response anonymous = call("GET", "/metrics", null, null);
        assertThat(anonymous.status).isEqualTo(401);
        assertThat(anonymous.body).isEqualTo("{\"message\":\"Invalid username or password.\"}");
        assertThat(call("GET", "/metrics", ALICE, null).status).isEqualTo(403);
        Response root = call("GET", "/metrics", ROOT, null);
        assertThat(root.status).isEqualTo(200);
        assertThat(root.body).isEqualTo("{\"path\":\"/metrics\"}");
    }

    @Test
    void theActuatorsOtherEndpoints_needViewOnTheRoot() {
        assertThat(call("GET", "/actuator/gateway/routes", null, null).status).isEqualTo(401);
        assertThat(call("GET", "/actuator/gateway/routes", ALICE, null).status).isEqualTo(403);
        assertThat(call("GET", "/actuator/gateway/routes", ROOT, null).status).isEqualTo(200);
        assertThat(call("GET", "/actuator/health", null, null).status).isEqualTo(200);
    }

    @Test
    void aTeamAUser_canChangeTeamA_andTheBodyArrivesIntact() {
        String app = "{\"id\":\"/team-a/new\",\"cmd\":\"sleep 1\",\"instances\":2}";
        Response created = call("POST", "/v2/apps", ALICE, app);
        assertThat(created.status).isEqualTo(201);
        assertThat(created.body).isEqualTo(app);
        assertThat(SCHEDULER.seen).anyMatch(s -> s.method().equals("POST") && s.body().equals(app));
        assertThat(call("DELETE", "/v2/apps/team-a/web/tasks?scale=true", ALICE, null).status).isEqualTo(200);
    }

    @Test
    void aPrincipalAllowedEverything_seesUnfilteredLists() {
        assertThat(ids(call("GET", "/v2/apps", ROOT, null).json().get("apps"), "id")).hasSize(4);
        assertThat(call("GET", "/v2/groups", ROOT, null).body).isEqualTo(StubScheduler.LISTS.get("/v2/groups"));
    }

    @Test
    void theJavaClientsDoubleSlash_passesTheFirewallOnV2Only() {
        Response app = call("GET", "/v2/apps//team-a/web", ALICE, null);
        assertThat(app.status).isEqualTo(200);
        assertThat(SCHEDULER.saw("GET", "/v2/apps/team-a/web")).isTrue();
        assertThat(call("GET", "/v2/apps//team-b/web", ALICE, null).status).isEqualTo(403);

        Response elsewhere = call("GET", "/api/secrets//x", ALICE, null);
        assertThat(elsewhere.status).isEqualTo(400);
        assertThat(elsewhere.body).startsWith("{\"message\":");
        assertThat(call("GET", "/v2/apps/team-a/%2e%2e/team-b/web", ALICE, null).status).isEqualTo(400);
    }

    @Test
    void theMarathonJavaClient_worksWithBasicAndWithToken() {
        for (Marathon client : List.of(MarathonClient.getInstanceWithBasicAuth(url(""), "alice", "alice-pw"),
                MarathonClient.getInstanceWithTokenAuth(url(""), "ci-token"))) {
            assertThat(client.getApps().getApps()).extracting(VersionedApp::getId)
                    .containsExactly("/team-a/web", "/org/team-a/api");
            assertThat(client.getApp("/team-a/web").getApp().getId()).isEqualTo("/team-a/web");
            App forbidden = new App();
            forbidden.setId("/team-b/sneaky");
            forbidden.setCmd("sleep 1");
            assertThatThrownBy(() -> client.createApp(forbidden))
                    .isInstanceOfSatisfying(MarathonException.class, e -> {
                        assertThat(e.getStatus()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("Not Authorized to perform this action!");
                    });
        }
        Marathon wrong = MarathonClient.getInstanceWithBasicAuth(url(""), "alice", "bad");
        assertThatThrownBy(wrong::getApps).isInstanceOfSatisfying(MarathonException.class,
                e -> assertThat(e.getMessage()).contains("Invalid username or password.").contains("401"));
    }

    @Test
    void writesBeyondTheRateLimit_are429JsonWithRetryAfter_readsAreNot() {
        Response limited = null;
        // burst 20 (so that the 9 refused writes of another test by the same user leave room), refill 5/s
        for (int i = 0; i < 80 && limited == null; i++) {
            Response response = call("PUT", "/v2/apps/team-a/web", "token=flood-token", "{\"instances\":1}");
            if (response.status == 429) {
                limited = response;
            } else {
                assertThat(response.status).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 within 80 rapid writes").isNotNull();
        assertThat(limited.contentType).startsWith("application/json");
        assertThat(limited.body).isEqualTo("{\"message\":\"Too many write requests; retry after 1 s\"}");
        assertThat(limited.retryAfter).isEqualTo("1");
        assertThat(call("GET", "/v2/apps", "token=flood-token", null).status).isEqualTo(200);
        String metrics = call("GET", "/actuator/prometheus", null, null).body;
        assertThat(metrics).contains("pacer_gateway_rate_limited_total").contains("pacer_gateway_authentication_failures_total")
                .contains("spring_cloud_gateway_requests_seconds_count");
    }

    // --- helpers

    record Response(int status, String body, String contentType, String wwwAuthenticate, String retryAfter) {
        JsonNode json() {
            assertThat(status).as(body).isEqualTo(200);
            return JSON.readTree(body);
        }
    }

    private Response call(String method, String path, String authorization, String body) {
        // a stuck request fails the test instead of hanging the build
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (HttpTimeoutException e) {
            // a hang is rare and was not understood: leave every thread's stack in the test output
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                System.err.print(thread);
                for (StackTraceElement frame : thread.getStackTrace()) {
                    System.err.println("\t\tat " + frame);
                }
            }
            throw new UncheckedIOException(method + " " + path + " timed out", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get(field).asString()));
        return ids;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String jwt(String subject, List<String> groups) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(subject).claim("groups", groups)
                    .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unused() {
        return List.of().stream().map(Object::toString).collect(Collectors.joining());
    }
}
