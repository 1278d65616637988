package dev.pacer.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.agent.task.ProcessLauncher;
import dev.pacer.agent.task.Sandbox;
import dev.pacer.agent.task.TaskCheckpoint;
import dev.pacer.boot.tls.PacerTls;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The agent's redemption against a small stand-in of secrets-service's redeem endpoint, and a real process. */
class GrantSecretInjectorTest {

    private static final String VALUE = "pa55-w0rd \"quoted\" $NOT_EXPANDED";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private GrantSecretInjector injector;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/secrets/_redeem", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body = status == 200
                    ? JsonMapper.builder().build().writeValueAsString(Map.of("values", Map.of("/p/db", VALUE, "/p/tls", "CERT")))
                    : "{\"message\":\"Grant refused: grant was already redeemed\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        SecretsClient client = new SecretsClient(() -> List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())),
                JsonMapper.builder().build(), Duration.ofSeconds(2), PacerTls.off());
        injector = new GrantSecretInjector(client, "agent-a");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static LaunchRequest request(String cmd, String grant, Map<String, String> files) {
        return new LaunchRequest("p_web.1", "/p/web", "v", cmd, null, Map.of("PLAIN", "x"), null, null, null, 0.1, 16, 0, 3,
                null, Map.of("DB_PASSWORD", "/p/db"), files, grant);
    }

    @Test
    void valuesGoIntoTheEnvironmentAndOwnerOnlyFiles_ofARealProcess() throws Exception {
        Sandbox sandbox = new Sandbox(dir.resolve("sandbox"));
        sandbox.create();
        ProcessLauncher launcher = new ProcessLauncher(null, System.getenv(), "h", injector);

        Process process = launcher.start(request("printf '%s' \"$DB_PASSWORD\" > seen; printf '%s' \"$MESOS_TASK_ID\" > id",
                "pg1.grant", Map.of("tls/cert.pem", "/p/tls")), sandbox);

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(sandbox.dir().resolve("seen"))).isEqualTo(VALUE);
        assertThat(Files.readString(sandbox.dir().resolve("id"))).isEqualTo("p_web.1");
        Path cert = sandbox.dir().resolve("tls/cert.pem");
        assertThat(Files.readString(cert)).isEqualTo("CERT");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cert))).isEqualTo("rw-------");
        assertThat(bodies).singleElement().satisfies(b -> assertThat(b)
                .contains("\"agentId\":\"agent-a\"", "\"taskId\":\"p_web.1\"", "\"grant\":\"pg1.grant\""));
    }

    @Test
    void refusedGrant_failsWithTheReason_neverAValue() {
        status = 403;
        assertThatThrownBy(() -> injector.prepare(request("true", "pg1.grant", Map.of()), dir))
                .isInstanceOf(IOException.class)
                .hasMessage("secrets refused (403 Grant refused: grant was already redeemed)");
    }

    @Test
    void noGrant_orFileOutsideTheSandbox_fails() {
        assertThatThrownBy(() -> injector.prepare(request("true", null, Map.of()), dir))
                .hasMessageContaining("carries no grant");
        assertThatThrownBy(() -> injector.prepare(request("true", "pg1.grant", Map.of("../escape", "/p/tls")), dir))
                .hasMessageContaining("outside the sandbox");
        assertThat(dir.resolveSibling("escape")).doesNotExist();
    }

    @Test
    void appWithoutSecrets_doesNotCallSecretsService() throws IOException {
        LaunchRequest plain = new LaunchRequest("t", "/a", "v", "true", null, null, null, null, null, 0, 0, 0, 0);
        assertThat(injector.prepare(plain, dir)).isEmpty();
        assertThat(bodies).isEmpty();
    }

    @Test
    void checkpoints_neverHoldTheGrant() {
        assertThat(Grants.withoutGrant(request("true", "pg1.grant", Map.of())).secretGrant()).isNull();
        assertThat(new TaskCheckpoint(request("true", "pg1.grant", Map.of()),
                TaskState.TASK_STAGING, null, null, Instant.now(), null, null, null, null)
                .request().secretGrant()).isNull();
    }
}
