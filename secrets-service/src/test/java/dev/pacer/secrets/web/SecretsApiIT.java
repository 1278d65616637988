package dev.pacer.secrets.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.contract.secrets.SecretGrant;
import dev.pacer.secrets.SecretsApplication;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import dev.pacer.testsupport.openapi.ActuatorMappings;
import dev.pacer.testsupport.openapi.OpenApiSpec;
import dev.pacer.testsupport.openapi.OpenApiSpec.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * secrets-service on a real port with the embedded backend in a real Redis (Eureka off). Also against
 * wire-contract's {@code openapi/pacer.yaml}: every operation under {@code /api/secrets} is called for real and
 * each answer's status and body must be what the document declares, every documented answer is produced at
 * least once (but the ones only another backend gives), and every endpoint the service maps under
 * {@code /api/secrets} (its handler mappings, read from the actuator's {@code mappings}) must be in the
 * document — a new endpoint without a description fails here.
 */
@SpringBootTest(classes = SecretsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.secrets.embedded.keys.1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
                "pacer.secrets.grant-key=" + SecretsApiIT.GRANT_KEY,
                "pacer.secrets.policy[0].apps=/payments", "pacer.secrets.policy[0].secrets=/payments,/shared",
                "management.endpoints.web.exposure.include=health,prometheus,mappings"})
@DirtiesContext
class SecretsApiIT {

    static final String GRANT_KEY = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";
    private static final GrantCodec CODEC = GrantCodec.fromBase64(GRANT_KEY);

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    /** Documented answers the embedded backend cannot give, each with the reason. */
    private static final Set<String> ONLY_ELSEWHERE = Set.of(
            "POST /api/secrets/_rewrap 409"); // the Vault backend's: VaultSecretStoreIT's ground, not this set-up

    private final JsonMapper json = JsonMapper.builder().build();
    private final OpenApiSpec spec = OpenApiSpec.classpath(ApiPaths.OPENAPI_RESOURCE);
    private final List<String> violations = new ArrayList<>();
    private final String value = "v-" + UUID.randomUUID();
    private final String base = "/payments/" + UUID.randomUUID().toString().substring(0, 8);

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Http.Response put(String path, String v) {
        return Http.send("PUT", url("/api/secrets" + path), "{\"value\":\"" + v + "\"}");
    }

    @Test
    void crud_neverAnswersWithTheValue() {
        Http.Response created = put(base + "/db", value);
        Http.Response updated = put(base + "/db", value + "-2");
        put(base + "/api", value + "-api");

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(json.readTree(updated.body()).path("currentVersion").asInt()).isEqualTo(2);
        Http.Response meta = Http.get(url("/api/secrets" + base + "/db"));
        Http.Response list = Http.get(url("/api/secrets?prefix=" + base));
        Http.Response versions = Http.get(url("/api/secrets/_versions" + base + "/db"));
        assertThat(json.readTree(meta.body()).path("path").asString()).isEqualTo(base + "/db");
        assertThat(json.readTree(list.body()).size()).isEqualTo(2);
        assertThat(json.readTree(versions.body()).size()).isEqualTo(2);
        for (Http.Response r : List.of(created, updated, meta, list, versions)) {
            assertThat(r.body()).doesNotContain(value);
        }

        assertThat(Http.send("DELETE", url("/api/secrets" + base + "/db"), null).status()).isEqualTo(204);
        Http.Response gone = Http.get(url("/api/secrets" + base + "/db"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).contains("does not exist");
        assertThat(Http.get(url("/api/secrets/_versions" + base + "/db")).status()).isEqualTo(404);
    }

    @Test
    void invalidPathOrBody_isRefused() {
        assertThat(put("/a/../b", "x").status()).isIn(400, 404);
        assertThat(Http.send("PUT", url("/api/secrets/a/_b"), "{\"value\":\"x\"}").status()).isEqualTo(400);
        Http.Response noValue = Http.send("PUT", url("/api/secrets" + base + "/x"), "{}");
        assertThat(noValue.status()).isEqualTo(422);
        Http.Response malformed = Http.send("PUT", url("/api/secrets" + base + "/x"), "{\"value\":\"" + value + "\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain(value);
    }

    private SecretGrant grant(String task, String app, String agent, List<String> paths, Instant expires) {
        return new SecretGrant(task, app, agent, paths, Instant.now().minusSeconds(1), expires, UUID.randomUUID().toString());
    }

    private Http.Response redeem(String token, String agent, String task) {
        return Http.send("POST", url("/api/secrets/_redeem"), redeemBody(token, agent, task));
    }

    private static String redeemBody(String token, String agent, String task) {
        return "{\"grant\":\"" + token + "\",\"agentId\":\"" + agent + "\",\"taskId\":\"" + task + "\"}";
    }

    @Test
    void redeem_onceForItsAgentAndTask_thenAudited() {
        put(base + "/db", value);
        String task = "payments_web." + UUID.randomUUID();
        String token = CODEC.sign(grant(task, "/payments/web", "agent-a", List.of(base + "/db"),
                Instant.now().plusSeconds(120)));

        assertThat(redeem(token, "agent-b", task).status()).isEqualTo(403);
        assertThat(redeem(token, "agent-a", "other.task").status()).isEqualTo(403);
        Http.Response ok = redeem(token, "agent-a", task);
        Http.Response replay = redeem(token, "agent-a", task);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).path("values").path(base + "/db").asString()).isEqualTo(value);
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.body()).contains("already redeemed").doesNotContain(value);

        JsonNode audit = json.readTree(Http.get(url("/api/secrets/_audit?task=" + task)).body());
        assertThat(audit.toString()).doesNotContain(value).doesNotContain(token);
        assertThat(audit.findValuesAsString("outcome")).contains("read", "refused:replayed", "refused:agent", "refused:task");
        JsonNode read = StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.path("outcome").asString().equals("read")).findFirst().orElseThrow();
        assertThat(read.path("agentId").asString()).isEqualTo("agent-a");
        assertThat(read.path("path").asString()).isEqualTo(base + "/db");
        assertThat(read.path("version").asInt()).isEqualTo(1);
    }

    @Test
    void redeem_refusesExpiredForgedAndOutOfPolicyGrants() {
        put(base + "/db", value);
        put("/web/db", value);
        Instant later = Instant.now().plusSeconds(120);
        String expired = CODEC.sign(new SecretGrant("t.1", "/payments/web", "agent-a", List.of(base + "/db"),
                Instant.now().minusSeconds(600), Instant.now().minusSeconds(1), UUID.randomUUID().toString()));
        byte[] otherKey = new byte[32];
        String forged = new GrantCodec(otherKey).sign(grant("t.2", "/payments/web", "agent-a", List.of(base + "/db"), later));
        String policy = CODEC.sign(grant("t.3", "/web/app", "agent-a", List.of("/web/db"), later));
        String crossApp = CODEC.sign(grant("t.4", "/payments/web", "agent-a", List.of("/web/db"), later));

        for (String[] c : List.of(new String[] {expired, "t.1", "expired"}, new String[] {forged, "t.2", "signature"},
                new String[] {policy, "t.3", "may not use"}, new String[] {crossApp, "t.4", "may not use"})) {
            Http.Response r = redeem(c[0], "agent-a", c[1]);
            assertThat(r.status()).as(c[2]).isEqualTo(403);
            assertThat(r.body()).contains(c[2]).doesNotContain(value);
        }
        String metrics = Http.get(url("/actuator/prometheus")).body();
        assertThat(metrics).contains("pacer_secrets_grants_refused_total{application=\"secrets-service\",reason=\"expired\"")
                .contains("pacer_secrets_backend_latency_seconds_count{application=\"secrets-service\",backend=\"embedded\",op=\"write\"")
                .doesNotContain(value);
        assertThat(Base64.getDecoder().decode(GRANT_KEY)).hasSize(32);
    }

    @Test
    void everyOperation_answersAsTheOpenApiDocumentSays() {
        String secrets = ApiPaths.API_SECRETS;
        call("PUT", secrets + base + "/db", "{\"value\":\"first\"}");
        call("PUT", secrets + base + "/db", "{\"value\":\"second\"}");
        call("PUT", secrets + base + "/db", "{\"value\":");
        call("PUT", secrets + base + "/db", "{}");
        call("PUT", secrets + "/payments/_bad", "{\"value\":\"x\"}");
        call("GET", secrets + base + "/db", null);
        call("GET", secrets + base + "/none", null);
        call("GET", secrets + "/payments/.hidden", null);
        call("GET", secrets + "?prefix=" + base, null);
        call("GET", secrets + "?limit=x", null);
        call("GET", secrets + "/_versions" + base + "/db", null);
        call("GET", secrets + "/_versions" + base + "/none", null);
        call("GET", secrets + "/_versions/payments/_bad", null);

        String task = "payments_web." + UUID.randomUUID();
        Instant later = Instant.now().plusSeconds(60);
        String grant = CODEC.sign(grant(task, "/payments/web", "agent-a", List.of(base + "/db"), later));
        String missing = CODEC.sign(grant(task + "-2", "/payments/web", "agent-a", List.of(base + "/none"), later));
        assertThat(call("POST", secrets + "/_redeem", redeemBody(grant, "agent-a", task)).body()).contains("second");
        call("POST", secrets + "/_redeem", redeemBody(grant, "agent-a", task));
        call("POST", secrets + "/_redeem", redeemBody(missing, "agent-a", task + "-2"));
        call("POST", secrets + "/_redeem", redeemBody("pg1.forged.grant", "agent-a", "payments_web.x"));
        call("POST", secrets + "/_redeem", "{\"grant\":");
        call("GET", secrets + "/_audit?path=" + base + "/db&limit=10", null);
        call("GET", secrets + "/_audit?task=payments_web.x", null);
        call("GET", secrets + "/_audit?limit=x", null);
        call("POST", secrets + "/_rewrap", null);
        call("DELETE", secrets + base + "/db", null);
        call("DELETE", secrets + base + "/db", null);
        call("DELETE", secrets + "/payments/_bad", null);

        assertThat(violations).isEmpty();
        assertThat(spec.coverageGaps(secrets, ONLY_ELSEWHERE)).isEmpty();
    }

    @Test
    void everyMappedEndpoint_isInTheOpenApiDocument() {
        Http.Response mappings = Http.get(url("/actuator/mappings"));
        assertThat(mappings.status()).isEqualTo(200);
        List<Operation> mapped = ActuatorMappings.under(json.readTree(mappings.body()), ApiPaths.API_SECRETS);

        assertThat(mapped).hasSizeGreaterThanOrEqualTo(spec.operationsUnder(ApiPaths.API_SECRETS).size());
        assertThat(spec.notDescribed(mapped)).isEmpty();
    }

    private Http.Response call(String method, String target, String body) {
        Http.Response response = method.equals("GET") ? Http.get(url(target)) : Http.send(method, url(target), body);
        violations.addAll(spec.check(method, target, response.status(), response.header("Content-Type"), response.body()));
        return response;
    }
}
