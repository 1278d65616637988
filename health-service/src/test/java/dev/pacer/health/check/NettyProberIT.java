package dev.pacer.health.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.boot.health.ProbeOutcome;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.health.target.CheckTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** health-service's HTTP probes against real servers: always the task's address, whatever the path says. */
class NettyProberIT {

    private final List<String> taskPaths = new CopyOnWriteArrayList<>();
    private final List<String> otherPaths = new CopyOnWriteArrayList<>();
    private final NettyProber prober = new NettyProber(1, 4, Duration.ofSeconds(5));
    private HttpServer task;
    private HttpServer other;

    @BeforeEach
    void start() throws IOException {
        task = server(taskPaths);
        other = server(otherPaths);
    }

    @AfterEach
    void stop() {
        task.stop(0);
        other.stop(0);
        prober.close();
    }

    @Test
    void aPathShapedLikeAnAuthority_isAskedOfTheTask() throws Exception {
        String hostile = "@127.0.0.1:" + other.getAddress().getPort() + "/latest";
        assertThat(probe(hostile).result()).isEqualTo(ProbeOutcome.Result.HEALTHY);
        assertThat(taskPaths).containsExactly("/" + hostile);
        assertThat(otherPaths).isEmpty();
    }

    @Test
    void aPathWithCharactersAUriCannotHold_isEncoded_neverSentRaw() throws Exception {
        assertThat(probe("/health check\r\nX-Injected: 1").result()).isEqualTo(ProbeOutcome.Result.HEALTHY);
        assertThat(taskPaths).containsExactly("/health%20check%0D%0AX-Injected:%201");
    }

    private ProbeOutcome probe(String path) throws Exception {
        CheckTarget target = new CheckTarget("/a", "a.instance-6a4c2a4e-4c30-11e5-98c1-be5b2935a987._app.1",
                "a.instance-6a4c2a4e-4c30-11e5-98c1-be5b2935a987", 0, "v1", HealthCheck.HTTP, "127.0.0.1",
                task.getAddress().getPort(), path, Duration.ofSeconds(1), Duration.ofSeconds(2), 0, 3, Duration.ZERO,
                false, Instant.now());
        CompletableFuture<ProbeOutcome> outcome = new CompletableFuture<>();
        prober.probe(target, outcome::complete);
        return outcome.get(5, TimeUnit.SECONDS);
    }

    private static HttpServer server(List<String> paths) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
