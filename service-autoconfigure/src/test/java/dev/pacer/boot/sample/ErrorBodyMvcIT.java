package dev.pacer.boot.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.boot.error.ApiException;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A servlet service with the shared auto-configuration, on a real port, with a real Redis. It lives
 * outside {@code dev.pacer.boot.*} so that, like a real service, it gets the shared beans from
 * auto-configuration only, not from its component scan.
 */
@SpringBootTest(classes = ErrorBodyMvcIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=secrets-service")
class ErrorBodyMvcIT {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void unknownPath_isJson404_evenForABrowser() {
        Http.Response response = Http.get(url("/nope"), "text/html");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Path '/nope' does not exist\"}");
    }

    @Test
    void apiException_keepsItsStatusAndMessage() {
        Http.Response response = Http.get(url("/conflict"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"message\":\"An app with id [/x] already exists.\"}");
    }

    @Test
    void unexpectedException_is500AndLeaksNothing() {
        Http.Response response = Http.get(url("/unexpected"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).contains("\"message\"").doesNotContain("hunter2");
    }

    @Test
    void anErrorInAFilter_goesThroughTheJsonErrorPage() {
        Http.Response response = Http.get(url("/filtered"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).contains("\"message\"").doesNotContain("hunter2").doesNotContain("<html");
    }

    @Test
    void malformedBody_is400WithDetailsAsAnArray() {
        Http.Response response = Http.send("POST", url("/echo"), "{\"instances\": \"many\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"message\":\"Invalid JSON\",\"details\":[{\"path\":\"/instances\",\"errors\":[\"expected a number\"]}]}");
    }

    @Test
    void wrongQueryParameterType_is400NamingTheParameter() {
        Http.Response response = Http.get(url("/typed?count=abc"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("'count'");
    }

    @Test
    void wrongMethod_is405Json() {
        Http.Response response = Http.send("DELETE", url("/conflict"), null);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.body()).startsWith("{\"message\":");
    }

    @Test
    void probesMetricsAndMembers_areExposed() {
        assertThat(Http.get(url("/actuator/health/liveness")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/health/readiness")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/prometheus")).body())
                .contains("pacer_cluster_members{application=\"secrets-service\",member_service=\"secrets-service\",service=\"secrets-service\"}");
        assertThat(Http.get(url("/actuator/members")).body()).contains("\"self\":\"");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    record Scale(int instances) {
    }

    @SpringBootApplication
    @RestController
    static class App {

        @GetMapping("/conflict")
        String conflict() {
            throw ApiException.conflict("An app with id [%s] already exists.", "/x");
        }

        @GetMapping("/unexpected")
        String unexpected() {
            throw new IllegalStateException("password=hunter2");
        }

        @PostMapping("/echo")
        Scale echo(@RequestBody Scale scale) {
            return scale;
        }

        @GetMapping("/typed")
        int typed(@RequestParam int count) {
            return count;
        }

        @Bean
        Filter failingFilter() {
            return (request, response, chain) -> {
                if (((HttpServletRequest) request).getRequestURI().equals("/filtered")) {
                    throw new IOException("filter broke: password=hunter2");
                }
                chain.doFilter(request, response);
            };
        }
    }
}
