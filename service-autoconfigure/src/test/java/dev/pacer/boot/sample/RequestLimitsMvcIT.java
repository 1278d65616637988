package dev.pacer.boot.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.RawHttp;
import dev.pacer.testsupport.TestRedis;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request limits on a real Tomcat: what the body filter and the JSON reader refuse, and that each
 * refusal is the JSON error body with the right status. Limits are small here so that tests stay fast.
 */
@SpringBootTest(classes = RequestLimitsMvcIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=secrets-service", "pacer.limits.max-body-size=2KB",
                "pacer.limits.body-read-timeout=1s", "pacer.limits.unlimited-paths=/upload/"})
class RequestLimitsMvcIT {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aDeclaredLengthOverTheLimit_is413BeforeTheBodyIsSent() {
        RawHttp.Response response = RawHttp.send("localhost", port, "POST", "/echo",
                Map.of("Content-Type", "application/json", "Content-Length", "104857600"), RawHttp.none(), Duration.ofSeconds(5));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Request body is larger than the limit of 2048 bytes\"}");
    }

    @Test
    void aChunkedBodyOverTheLimit_is413WhileItStreams() {
        RawHttp.Response response = RawHttp.send("localhost", port, "POST", "/echo",
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                RawHttp.chunked(64L * 1024 * 1024, 8192, (byte) ' '), Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit of 2048 bytes");
    }

    @Test
    void aBodyDrippedSlowly_is408AtTheDeadline() {
        byte[] body = "{\"instances\": 3}                                              ".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send("localhost", port, "POST", "/echo",
                Map.of("Content-Type", "application/json", "Content-Length", String.valueOf(body.length)),
                RawHttp.drip(body, Duration.ofMillis(200)), Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request body did not arrive within 1000 ms\"}");
        assertThat(response.took()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aClientThatKeepsDrippingAfterThe408_isCutOff_notDrainedToTheEnd() {
        byte[] body = " ".repeat(40).getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send("localhost", port, "POST", "/echo",
                Map.of("Content-Type", "application/json", "Content-Length", String.valueOf(body.length)),
                RawHttp.drip(body, Duration.ofMillis(200), false), Duration.ofSeconds(15));
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.closedAfter()).isNotNull().isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aStalledBody_is408AfterTheReadTimeout() {
        RawHttp.Response response = RawHttp.send("localhost", port, "POST", "/echo",
                Map.of("Content-Type", "application/json", "Content-Length", "100"),
                RawHttp.bytes("{\"instan".getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.took()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aUriOverTheLengthLimit_isAJson414() {
        Http.Response response = Http.get(url("/echo?q=" + "x".repeat(9000)));
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request URI is longer than the limit of 8192 characters\"}");
    }

    @Test
    void deepNesting_is400InvalidJson() {
        Http.Response response = Http.send("POST", url("/echo"),
                "{\"instances\":1,\"x\":" + "[".repeat(150) + "]".repeat(150) + "}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"message\":\"Invalid JSON\"").contains("nesting depth");
    }

    @Test
    void scalarsAreNotCoerced() {
        assertThat(Http.send("POST", url("/echo"), "{\"instances\":\"3\"}").status()).isEqualTo(400);
        assertThat(Http.send("POST", url("/echo"), "{\"instances\":3.5}").status()).isEqualTo(400);
        Http.Response ok = Http.send("POST", url("/echo"), "{\"instances\":3}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"instances\":3}");
    }

    @Test
    void anUnlimitedPath_takesALargeBody() {
        Http.Response response = Http.send("POST", url("/upload/file"), "x".repeat(100_000));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("100000");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    record Scale(int instances) {
    }

    @SpringBootApplication
    @RestController
    static class App {

        @PostMapping("/echo")
        Scale echo(@RequestBody Scale scale) {
            return scale;
        }

        @PostMapping("/upload/file")
        int upload(HttpServletRequest request) throws IOException {
            return request.getInputStream().readAllBytes().length;
        }
    }
}
