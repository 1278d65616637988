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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * wire-contract's {@code openapi/pacer.yaml} against the running secrets-service (real port, real Redis,
 * embedded backend): every operation under {@code /api/secrets} is called for real and each answer's status
 * and body must be what the document declares, every documented answer is produced at least once (but the
 * ones only another backend gives), and every endpoint the service maps under {@code /api/secrets} must be
 * in the document (its handler mappings, read from the actuator's {@code mappings}) — a new endpoint without
 * a description fails here.
 */
@SpringBootTest(classes = SecretsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.secrets.embedded.keys.1=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",
                "pacer.secrets.grant-key=" + SecretsOpenApiIT.GRANT_KEY,
                "pacer.secrets.policy[0].apps=/openapi", "pacer.secrets.policy[0].secrets=/openapi",
                "management.endpoints.web.exposure.include=health,mappings"})
@DirtiesContext
class SecretsOpenApiIT {

    static final String GRANT_KEY = "AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=";
    private static final GrantCodec CODEC = GrantCodec.fromBase64(GRANT_KEY);

    /** Answers the embedded backend cannot give, each with the reason. */
    private static final Set<String> ONLY_ELSEWHERE = Set.of(
            "POST /api/secrets/_rewrap 409"); // the Vault backend: VaultSecretStoreIT's ground, not this service's set-up

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenApiSpec spec = OpenApiSpec.classpath(ApiPaths.OPENAPI_RESOURCE);
    private final List<String> violations = new ArrayList<>();
    private final String base = "/openapi/" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyOperation_answersAsDescribed() {
        String secrets = ApiPaths.API_SECRETS;
        call("PUT", secrets + base + "/db", "{\"value\":\"first\"}");
        call("PUT", secrets + base + "/db", "{\"value\":\"second\"}");
        call("PUT", secrets + base + "/db", "{\"value\":");
        call("PUT", secrets + base + "/db", "{}");
        call("PUT", secrets + "/openapi/_bad", "{\"value\":\"x\"}");
        call("GET", secrets + base + "/db", null);
        call("GET", secrets + base + "/none", null);
        call("GET", secrets + "/openapi/.hidden", null);
        call("GET", secrets + "?prefix=" + base, null);
        call("GET", secrets + "?limit=x", null);
        call("GET", secrets + "/_versions" + base + "/db", null);
        call("GET", secrets + "/_versions" + base + "/none", null);
        call("GET", secrets + "/_versions/openapi/_bad", null);

        String task = "openapi_web." + UUID.randomUUID();
        Instant now = Instant.now();
        String grant = CODEC.sign(new SecretGrant(task, "/openapi/web", "agent-a", List.of(base + "/db"),
                now.minusSeconds(1), now.plusSeconds(60), UUID.randomUUID().toString()));
        String missing = CODEC.sign(new SecretGrant(task + "-2", "/openapi/web", "agent-a", List.of(base + "/none"),
                now.minusSeconds(1), now.plusSeconds(60), UUID.randomUUID().toString()));
        assertThat(call("POST", secrets + "/_redeem", redeem(grant, task)).body()).contains("second");
        call("POST", secrets + "/_redeem", redeem(grant, task));
        call("POST", secrets + "/_redeem", redeem(missing, task + "-2"));
        call("POST", secrets + "/_redeem", redeem("pg1.forged.grant", "openapi_web.x"));
        call("POST", secrets + "/_redeem", "{\"grant\":");
        call("GET", secrets + "/_audit?path=" + base + "/db&limit=10", null);
        call("GET", secrets + "/_audit?task=openapi_web.x", null);
        call("GET", secrets + "/_audit?limit=x", null);
        call("POST", secrets + "/_rewrap", null);
        call("DELETE", secrets + base + "/db", null);
        call("DELETE", secrets + base + "/db", null);
        call("DELETE", secrets + "/openapi/_bad", null);

        assertThat(violations).isEmpty();
        assertThat(spec.coverageGaps(secrets, ONLY_ELSEWHERE)).isEmpty();
    }

    @Test
    void everyMappedEndpoint_isDescribed() {
        Http.Response mappings = Http.get("http://localhost:" + port + "/actuator/mappings");
        assertThat(mappings.status()).isEqualTo(200);
        List<Operation> mapped = ActuatorMappings.under(JSON.readTree(mappings.body()), ApiPaths.API_SECRETS);

        assertThat(mapped).hasSizeGreaterThanOrEqualTo(spec.operationsUnder(ApiPaths.API_SECRETS).size());
        assertThat(spec.notDescribed(mapped)).isEmpty();
    }

    private static String redeem(String grant, String task) {
        return "{\"grant\":\"" + grant + "\",\"agentId\":\"agent-a\",\"taskId\":\"" + task + "\"}";
    }

    private Http.Response call(String method, String target, String body) {
        String url = "http://localhost:" + port + target;
        Http.Response response = method.equals("GET") ? Http.get(url) : Http.send(method, url, body);
        violations.addAll(spec.check(method, target, response.status(), response.header("Content-Type"), response.body()));
        return response;
    }
}
