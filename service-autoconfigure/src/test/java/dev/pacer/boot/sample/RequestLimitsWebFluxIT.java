package dev.pacer.boot.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.RawHttp;
import dev.pacer.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The same limits on a reactive service on Netty (the gateway's stack). */
@SpringBootTest(classes = RequestLimitsWebFluxIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=gateway-service", "spring.main.web-application-type=reactive",
                "pacer.limits.max-body-size=2KB", "pacer.limits.body-read-timeout=1s",
                "pacer.limits.unlimited-paths=/apps/"})
class RequestLimitsWebFluxIT {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aDeclaredLengthOverTheLimit_is413BeforeTheBodyIsSent() {
        RawHttp.Response response = send("/count", Map.of("Content-Length", "104857600"), RawHttp.none());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Request body is larger than the limit of 2048 bytes\"}");
    }

    @Test
    void aChunkedBodyOverTheLimit_is413WhileItStreams() {
        RawHttp.Response response = send("/count", Map.of("Transfer-Encoding", "chunked"),
                RawHttp.chunked(64L * 1024 * 1024, 8192, (byte) 'x'));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit of 2048 bytes");
    }

    @Test
    void aUriOverTheLengthLimit_isAJson414() {
        RawHttp.Response response = RawHttp.send("localhost", port, "GET", "/count?q=" + "x".repeat(9000), Map.of(),
                RawHttp.none(), Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request URI is longer than the limit of 8192 characters\"}");
    }

    @Test
    void aBodyWithinTheLimit_isRead() {
        RawHttp.Response response = send("/count", Map.of("Transfer-Encoding", "chunked"), RawHttp.chunked(2048, 100, (byte) 'x'));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("2048");
    }

    @Test
    void aBodyDrippedSlowly_is408AtTheDeadline() {
        byte[] body = "x".repeat(50).getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = send("/count", Map.of("Content-Length", String.valueOf(body.length)),
                RawHttp.drip(body, Duration.ofMillis(200)));
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request body did not arrive within 1000 ms\"}");
        assertThat(response.took()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anUnlimitedPath_streamsALargeBody() {
        RawHttp.Response response = send("/apps/x", Map.of("Transfer-Encoding", "chunked"),
                RawHttp.chunked(1024 * 1024, 8192, (byte) 'x'));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1048576");
    }

    private RawHttp.Response send(String path, Map<String, String> headers, RawHttp.Body body) {
        return RawHttp.send("localhost", port, "POST", path, headers, body, Duration.ofSeconds(10));
    }

    @SpringBootApplication
    @RestController
    static class App {

        @PostMapping({"/count", "/apps/x"})
        Mono<String> count(ServerWebExchange exchange) {
            return exchange.getRequest().getBody()
                    .map(buffer -> {
                        int n = buffer.readableByteCount();
                        DataBufferUtils.release(buffer);
                        return n;
                    })
                    .reduce(0, Integer::sum)
                    .map(String::valueOf);
        }
    }

}
