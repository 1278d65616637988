package dev.pacer.health.shard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.health.HealthApplication;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import dev.pacer.testsupport.openapi.ActuatorMappings;
import dev.pacer.testsupport.openapi.OpenApiSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * wire-contract's {@code openapi/pacer.yaml} against the running health-service (real port, real Redis):
 * every operation under {@code /api/health} answers as described, and every endpoint the service maps there
 * (its handler mappings, read from the actuator's {@code mappings}) is described.
 */
@SpringBootTest(classes = HealthApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "management.endpoints.web.exposure.include=health,mappings"})
@DirtiesContext
class HealthOpenApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    private final OpenApiSpec spec = OpenApiSpec.classpath(ApiPaths.OPENAPI_RESOURCE);

    @Test
    void everyOperation_answersAsDescribed() {
        // once this instance has announced itself, it is a member of its own view
        Http.Response members = await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(url(ApiPaths.API_HEALTH_MEMBERS)),
                r -> r.status() == 200 && JSON.readTree(r.body()).path("members").size() > 0);

        assertThat(spec.check("GET", ApiPaths.API_HEALTH_MEMBERS, members.status(), members.header("Content-Type"),
                members.body())).isEmpty();
        assertThat(spec.coverageGaps(ApiPaths.API_HEALTH, Set.of())).isEmpty();
    }

    @Test
    void everyMappedEndpoint_isDescribed() {
        Http.Response mappings = Http.get(url("/actuator/mappings"));
        assertThat(mappings.status()).isEqualTo(200);
        List<OpenApiSpec.Operation> mapped = ActuatorMappings.under(JSON.readTree(mappings.body()), ApiPaths.API_HEALTH);

        assertThat(mapped).isNotEmpty();
        assertThat(spec.notDescribed(mapped)).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
