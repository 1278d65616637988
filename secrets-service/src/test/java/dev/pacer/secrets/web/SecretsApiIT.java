package dev.pacer.secrets.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.contract.secrets.SecretGrant;
import dev.pacer.secrets.SecretsApplication;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** secrets-service on a real port with the embedded backend in a real Redis (Eureka off). */
@SpringBootTest(classes = SecretsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.secrets.embedded.keys.1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
                "pacer.secrets.grant-key=" + SecretsApiIT.GRANT_KEY,
                "pacer.secrets.policy[0].apps=/payments", "pacer.secrets.policy[0].secrets=/payments,/shared",
                "management.endpoints.web.exposure.include=health,prometheus"})
@org.springframework.test.annotation.DirtiesContext
class SecretsApiIT {

    static final String GRANT_KEY = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";
    private static final GrantCodec CODEC = GrantCodec.fromBase64(GRANT_KEY);

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
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
        return Http.send("POST", url("/api/secrets/_redeem"),
                "{\"grant\":\"" + token + "\",\"agentId\":\"" + agent + "\",\"taskId\":\"" + task + "\"}");
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
        JsonNode read = java.util.stream.StreamSupport.stream(audit.spliterator(), false)
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
        assertThat(metrics).contains("pacer_secrets_grants_refused_total{reason=\"expired\"")
                .contains("pacer_secrets_backend_latency_seconds_count{backend=\"embedded\",op=\"write\"")
                .doesNotContain(value);
        assertThat(Base64.getDecoder().decode(GRANT_KEY)).hasSize(32);
    }
}
