package dev.pacer.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.marathon.app.HealthCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's HTTP probes on loopback: always the task's port, whatever the check's path or port say. */
class AgentProbeIT {

    private final List<String> taskPaths = new CopyOnWriteArrayList<>();
    private final List<String> otherPaths = new CopyOnWriteArrayList<>();
    private HttpServer task;
    private HttpServer other;

    @BeforeEach
    void start() throws IOException {
        task = server(taskPaths, 200);
        other = server(otherPaths, 200);
    }

    @AfterEach
    void stop() {
        task.stop(0);
        other.stop(0);
    }

    private static HealthCheck http(String path, Integer portIndex, Integer port) {
        return new HealthCheck(HealthCheck.MESOS_HTTP, path, portIndex, port, null, 0, 1, 1, 3, 0, null, HealthCheck.IPV4);
    }

    @Test
    void aPathShapedLikeAnAuthority_isAskedOfTheTask() {
        String hostile = "@127.0.0.1:" + other.getAddress().getPort() + "/x";
        assertThat(AgentProbe.run(http(hostile, 0, null), task.getAddress().getPort(), null, Map.of(),
                Duration.ofSeconds(2))).isNull();
        assertThat(taskPaths).containsExactly("/" + hostile);
        assertThat(otherPaths).isEmpty();
    }

    @Test
    void aPathWithCharactersAUriCannotHold_isEncodedNotAnError() {
        assertThat(AgentProbe.run(http("/health check\r\nX: y", 0, null), task.getAddress().getPort(), null,
                Map.of(), Duration.ofSeconds(2))).isNull();
        assertThat(taskPaths).containsExactly("/health%20check%0D%0AX:%20y");
    }

    @Test
    void aLiteralPortTheTaskDoesNotHold_isNeverProbed() {
        int own = task.getAddress().getPort();
        int foreign = other.getAddress().getPort();
        assertThat(AgentHealthChecks.port(http("/", null, foreign), List.of(own))).isNull();
        assertThat(AgentHealthChecks.port(http("/", null, own), List.of(own))).isEqualTo(own);
        assertThat(AgentHealthChecks.port(http("/", 1, null), List.of(own))).isNull();
        assertThat(AgentProbe.run(http("/", null, foreign), null, null, Map.of(), Duration.ofSeconds(1)))
                .isEqualTo("no port");
        assertThat(otherPaths).isEmpty();
    }

    private static HttpServer server(List<String> paths, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
