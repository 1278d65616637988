package dev.pacer.secrets.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.boot.tls.Identities;
import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.contract.secrets.SecretGrant;
import dev.pacer.runtime.ClusterPki;
import dev.pacer.secrets.SecretsApplication;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * secrets-service with mutual TLS: a grant is redeemed only by the agent its certificate names, whatever
 * agent id the request body claims (the grant payload is readable: anyone holding it could copy its
 * agent id); {@code _rewrap} only by an operator or secrets-service; the user API by the gateway and an operator.
 */
@SpringBootTest(classes = SecretsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.secrets.embedded.keys.1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
                "pacer.secrets.grant-key=" + SecretsApiIT.GRANT_KEY,
                "pacer.secrets.policy[0].apps=/payments", "pacer.secrets.policy[0].secrets=/payments",
                // read before start-up, as in production (a @DynamicPropertySource comes too late for pacer.tls.*)
                "pacer.tls.ca=" + SecretsMutualTlsIT.DIR + "/ca.pem",
                "pacer.tls.certificate=" + SecretsMutualTlsIT.DIR + "/cert.pem",
                "pacer.tls.private-key=" + SecretsMutualTlsIT.DIR + "/key.pem"})
@DirtiesContext
class SecretsMutualTlsIT {

    static final String DIR = "target/test-tls/secrets";
    private static final ClusterPki CA = ClusterPki.create("test CA");
    private static final GrantCodec CODEC = GrantCodec.fromBase64(SecretsApiIT.GRANT_KEY);

    static {
        // the class is initialised (its instance made) before Spring loads the context
        CA.issue(Identities.SECRETS, Duration.ofHours(1)).write(Path.of(DIR));
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String value = "v-" + UUID.randomUUID();
    private final String path = "/payments/" + UUID.randomUUID().toString().substring(0, 8) + "/db";

    @Test
    void aGrant_isRedeemedOnlyByTheAgentItsCertificateNames() {
        assertThat(as(Identities.GATEWAY).send("PUT", url("/api/secrets" + path), "{\"value\":\"" + value + "\"}").status())
                .isEqualTo(201);
        String task = "payments_web." + UUID.randomUUID();
        String token = CODEC.sign(new SecretGrant(task, "/payments/web", "agent-a", List.of(path),
                Instant.now().minusSeconds(1), Instant.now().plusSeconds(120), UUID.randomUUID().toString()));
        String body = "{\"grant\":\"" + token + "\",\"agentId\":\"agent-a\",\"taskId\":\"" + task + "\"}";

        Http.Response stolen = as(Identities.agent("agent-b")).send("POST", url("/api/secrets/_redeem"), body);
        assertThat(stolen.status()).isEqualTo(403);
        assertThat(stolen.body()).contains("another agent").doesNotContain(value);
        assertThat(as(Identities.GATEWAY).send("POST", url("/api/secrets/_redeem"), body).status()).isEqualTo(403);
        assertThat(as(Identities.OPERATOR).send("POST", url("/api/secrets/_redeem"), body).status()).isEqualTo(403);

        Http.Response own = as(Identities.agent("agent-a")).send("POST", url("/api/secrets/_redeem"), body);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(json.readTree(own.body()).path("values").path(path).asString()).isEqualTo(value);

        String audit = as(Identities.OPERATOR).get(url("/api/secrets/_audit?task=" + task)).body();
        assertThat(json.readTree(audit).findValuesAsString("agentId")).contains("agent-b", "agent-a");
    }

    @Test
    void rewrap_isForAnOperatorOrSecretsService_andTheUserApiForTheGatewayAndAnOperator() {
        assertThat(as(Identities.OPERATOR).send("POST", url("/api/secrets/_rewrap"), null).status()).isEqualTo(200);
        assertThat(as(Identities.SECRETS).send("POST", url("/api/secrets/_rewrap"), null).status()).isEqualTo(200);
        assertThat(as(Identities.GATEWAY).send("POST", url("/api/secrets/_rewrap"), null).status()).isEqualTo(403);
        assertThat(as(Identities.agent("agent-a")).send("POST", url("/api/secrets/_rewrap"), null).status()).isEqualTo(403);

        assertThat(as(Identities.OPERATOR).get(url("/api/secrets?prefix=/payments")).status()).isEqualTo(200);
        assertThat(as(Identities.agent("agent-a")).get(url("/api/secrets?prefix=/payments")).status()).isEqualTo(403);
        assertThat(as(Identities.SCHEDULER).send("PUT", url("/api/secrets" + path), "{\"value\":\"x\"}").status()).isEqualTo(403);
    }

    private static Http.Client as(String identity) {
        return Http.client(CA.issue(identity, Duration.ofHours(1)).sslContext());
    }

    private String url(String path) {
        return "https://localhost:" + port + path;
    }
}
