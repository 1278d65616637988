package dev.pacer.boot.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pacer.boot.tls.CallerFilter;
import dev.pacer.boot.tls.CallerRules;
import dev.pacer.boot.tls.Identities;
import dev.pacer.boot.tls.PacerTls;
import dev.pacer.runtime.ClusterPki;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A servlet service with {@code pacer.tls.*} set, on a real port: HTTPS that requires a certificate of
 * the cluster's CA, the caller rules of the service and the shared ones (actuator, operator), the
 * identity handed to controllers, the plain probe port, and {@link PacerTls} calling back with the
 * service's own certificate.
 */
@SpringBootTest(classes = MutualTlsMvcIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=agent-service",  // not a name ClusterMembershipIT watches
                // read before start-up, as in production (a @DynamicPropertySource comes too late for pacer.tls.*)
                "pacer.tls.ca=" + MutualTlsMvcIT.DIR + "/ca.pem",
                "pacer.tls.certificate=" + MutualTlsMvcIT.DIR + "/cert.pem",
                "pacer.tls.private-key=" + MutualTlsMvcIT.DIR + "/key.pem"})
class MutualTlsMvcIT {

    static final String DIR = "target/test-tls/mvc";
    private static final ClusterPki CA = ClusterPki.create("test CA");
    private static final int PROBES = FreePorts.next();

    static {
        // the class is initialised (its instance made) before Spring loads the context
        CA.issue(Identities.SCHEDULER, Duration.ofHours(1)).write(Path.of(DIR));
    }

    @DynamicPropertySource
    static void probesAndRedis(DynamicPropertyRegistry registry) {
        registry.add("pacer.probes.port", () -> PROBES);
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    PacerTls tls;

    @Test
    void aCallerWithoutACertificateOfTheCa_cannotEvenConnect() {
        Throwable none = catchThrowable(() -> Http.client(CA.trustOnlyContext()).get(url("/sample/anyone")));
        assertThat(none).isInstanceOf(UncheckedIOException.class);
        Throwable foreign = catchThrowable(() -> Http.client(ClusterPki.create("another CA")
                .issue(Identities.OPERATOR, Duration.ofHours(1)).sslContextTrusting(CA.caCertificate())).get(url("/sample/anyone")));
        assertThat(foreign).isInstanceOf(UncheckedIOException.class);
        Http.Response plain = Http.get(url("/sample/anyone").replace("https:", "http:"));
        assertThat(plain.status()).isEqualTo(400);
    }

    @Test
    void theServicesRules_letOnlyTheirIdentitiesThrough_withAJson403() {
        assertThat(as("scheduler").get(url("/sample/scheduler-only")).status()).isEqualTo(200);
        Http.Response refused = as("agent:agent-a").get(url("/sample/scheduler-only"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.body()).isEqualTo(
                "{\"message\":\"Caller 'agent:agent-a' may not call GET /sample/scheduler-only (allowed: scheduler)\"}");
    }

    @Test
    void rulesSeeTheDecodedPath_asRequestMappingsDo() {
        assertThat(as("agent:agent-a").get(url("/sample/%73cheduler-only")).status()).isEqualTo(403);
        assertThat(as("agent:agent-a").get(url("/sample/x/../scheduler-only")).status()).isEqualTo(403);
    }

    @Test
    void theControllerLearnsWhoCalls() {
        assertThat(as("agent:agent-a").get(url("/sample/anyone")).body()).isEqualTo("agent:agent-a");
    }

    @Test
    void actuatorIsForTheOperatorAndPrometheus_andUnnamedPathsForTheOperator() {
        assertThat(as(Identities.PROMETHEUS).get(url("/actuator/prometheus")).status()).isEqualTo(200);
        assertThat(as(Identities.OPERATOR).get(url("/actuator/health")).status()).isEqualTo(200);
        assertThat(as("agent:agent-a").get(url("/actuator/prometheus")).status()).isEqualTo(403);
        assertThat(as(Identities.OPERATOR).get(url("/no/such/thing")).status()).isEqualTo(404);
        assertThat(as(Identities.PROMETHEUS).get(url("/no/such/thing")).status()).isEqualTo(403);
    }

    @Test
    void theProbePort_answersLivenessAndReadiness_inPlainHttp_andNothingElse() {
        assertThat(Http.get("http://127.0.0.1:" + PROBES + "/livez").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Http.get("http://127.0.0.1:" + PROBES + "/readyz").status()).isEqualTo(200);
        assertThat(Http.get("http://127.0.0.1:" + PROBES + "/actuator/health").status()).isEqualTo(404);
        assertThat(Http.get("http://127.0.0.1:" + PROBES + "/sample/anyone").status()).isEqualTo(404);
    }

    @Test
    void pacerTls_presentsTheServicesOwnCertificate() throws Exception {
        assertThat(tls.enabled()).isTrue();
        assertThat(tls.scheme()).isEqualTo("https");
        HttpResponse<String> response = tls.httpClient().build().send(
                HttpRequest.newBuilder(URI.create(url("/sample/anyone"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("scheduler");
    }

    private static Http.Client as(String identity) {
        return Http.client(CA.issue(identity, Duration.ofHours(1)).sslContext());
    }

    private String url(String path) {
        return "https://localhost:" + port + path;
    }

    @SpringBootApplication
    @RestController
    static class App {

        @GetMapping("/sample/scheduler-only")
        String schedulerOnly() {
            return "ok";
        }

        @GetMapping("/sample/anyone")
        String anyone(HttpServletRequest request) {
            return CallerFilter.identity(request).orElse("?");
        }

        @Bean
        CallerRules sampleRules() {
            return CallerRules.builder()
                    .allow("/sample/scheduler-only", Identities.SCHEDULER)
                    .allow("/sample/**", Identities.ANY)
                    .build();
        }
    }
}
