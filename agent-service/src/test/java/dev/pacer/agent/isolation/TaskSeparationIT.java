package dev.pacer.agent.isolation;

import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static dev.pacer.agent.support.TestTasks.readPid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.task.AgentTask;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two tasks of two apps on one isolated agent: task A tries, as task A's process, to read task B's secret
 * file, B's sandbox and B's {@code /proc/<pid>/environ} (which holds B's secret variable) — and fails each
 * time, while B itself reads all of them. Secrets come from a stand-in of secrets-service's redeem endpoint.
 */
class TaskSeparationIT {

    private static final String FILE_SECRET = "b-file-secret-" + System.nanoTime();
    private static final String ENV_SECRET = "b-env-secret-" + System.nanoTime();

    private static HttpServer secrets;
    private static IsolatedAgent agent;

    @BeforeAll
    static void start() throws IOException {
        RootOnly.assumeRoot();
        secrets = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        secrets.createContext("/api/secrets/_redeem", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = IsolatedAgent.JSON.writeValueAsString(Map.of("values", Map.of("/b/db", FILE_SECRET,
                    "/b/token", ENV_SECRET))).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secrets.start();
        agent = new IsolatedAgent("--pacer.agent.secrets.url=http://127.0.0.1:" + secrets.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
        if (secrets != null) {
            secrets.stop(0);
        }
    }

    @Test
    void taskA_cannotReadTaskBsSecretFile_sandbox_orEnvironment() throws IOException {
        String b = newTaskId("/team-b/db");
        Map<String, Object> requestB = cmd(b, "/team-b/db", String.join("; ",
                "cat /proc/self/environ | tr '\\0' '\\n' | grep -c B_TOKEN > own-environ",
                "cat secrets/db > own-file",
                "echo $$ > b.pid",
                "exec sleep 300"));
        requestB.put("secretFiles", Map.of("secrets/db", "/b/db"));
        requestB.put("secretEnv", Map.of("B_TOKEN", "/b/token"));
        requestB.put("secretGrant", "grant-for-b");
        AgentTask taskB = agent.launch(requestB);
        Path sandboxB = Path.of(taskB.sandbox());
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> readPid(sandboxB.resolve("b.pid")) > 0);
        long pidB = readPid(sandboxB.resolve("b.pid"));
        // B reads its own secrets: the paths A tries are the right ones
        assertThat(IsolatedAgent.read(sandboxB.resolve("own-file"))).isEqualTo(FILE_SECRET);
        assertThat(IsolatedAgent.read(sandboxB.resolve("own-environ")).trim()).isEqualTo("1");
        assertThat(Files.readString(Path.of("/proc/" + pidB + "/environ"))).contains(ENV_SECRET);
        Path secretFile = sandboxB.resolve("secrets/db");
        int uidB = (int) Files.getAttribute(secretFile, "unix:uid");
        assertThat(Files.getAttribute(secretFile, "unix:mode")).isEqualTo(0100600);
        assertThat(uidB).isNotZero();

        String a = newTaskId("/team-a/web");
        Map<String, Object> requestA = cmd(a, "/team-a/web", String.join("; ",
                "id -u > uid",
                "cat \"$B_SANDBOX/secrets/db\" > read-file 2> read-file.err; echo $? > read-file.code",
                "ls \"$B_SANDBOX\" > list 2> list.err; echo $? > list.code",
                "cat /proc/$B_PID/environ > read-environ 2> read-environ.err; echo $? > read-environ.code",
                "echo done > done",
                "exec sleep 300"));
        requestA.put("env", Map.of("B_SANDBOX", sandboxB.toString(), "B_PID", Long.toString(pidB)));
        AgentTask taskA = agent.launch(requestA);
        Path sandboxA = Path.of(taskA.sandbox());
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(sandboxA.resolve("done")));

        int uidA = Integer.parseInt(IsolatedAgent.read(sandboxA.resolve("uid")).trim());
        assertThat(uidA).isNotZero().isNotEqualTo(uidB);
        assertThat(IsolatedAgent.read(sandboxA.resolve("read-file.code")).trim()).isNotEqualTo("0");
        assertThat(IsolatedAgent.read(sandboxA.resolve("read-file"))).isEmpty();
        assertThat(IsolatedAgent.read(sandboxA.resolve("read-file.err"))).contains("Permission denied");
        assertThat(IsolatedAgent.read(sandboxA.resolve("list.code")).trim()).isNotEqualTo("0");
        assertThat(IsolatedAgent.read(sandboxA.resolve("read-environ.code")).trim()).isNotEqualTo("0");
        assertThat(IsolatedAgent.read(sandboxA.resolve("read-environ"))).doesNotContain(ENV_SECRET).isEmpty();
        assertThat(IsolatedAgent.read(sandboxA.resolve("read-environ.err"))).contains("Permission denied");
    }
}
