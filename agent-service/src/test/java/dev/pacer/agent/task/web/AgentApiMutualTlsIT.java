package dev.pacer.agent.task.web;

import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pacer.agent.AgentApplication;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.boot.tls.Identities;
import dev.pacer.contract.ApiPaths;
import dev.pacer.testsupport.ClusterPki;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent API with mutual TLS: only the scheduler launches and kills; the scheduler and an operator
 * read; every other identity gets a JSON 403, a caller without a certificate of the CA no session.
 */
@SpringBootTest(classes = AgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost", "pacer.agent.host=localhost",
                "pacer.agent.id=tls-agent", "pacer.agent.kill-grace-period=1s",
                // read before start-up, as in production (a @DynamicPropertySource comes too late for pacer.tls.*)
                "pacer.tls.ca=" + AgentApiMutualTlsIT.DIR + "/ca.pem",
                "pacer.tls.certificate=" + AgentApiMutualTlsIT.DIR + "/cert.pem",
                "pacer.tls.private-key=" + AgentApiMutualTlsIT.DIR + "/key.pem"})
@org.springframework.test.annotation.DirtiesContext
class AgentApiMutualTlsIT {

    static final String DIR = "target/test-tls/agent";
    private static final ClusterPki CA = ClusterPki.create("test CA");
    private static final Path WORK_DIR = TestTasks.tempDir("pacer-agent-tls-it");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // the class is initialised (its instance made) before Spring loads the context
        CA.issue(Identities.agent("tls-agent"), Duration.ofHours(1)).write(Path.of(DIR));
    }

    @DynamicPropertySource
    static void agent(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("pacer.agent.work-dir", WORK_DIR::toString);
    }

    @AfterAll
    static void killEveryTaskStarted() {
        TestTasks.killAllCheckpointed(WORK_DIR);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void onlyTheScheduler_launchesAndKills_theSchedulerAndAnOperatorRead() {
        String id = newTaskId("/tls/web");
        String body = JSON.writeValueAsString(cmd(id, "/tls/web", "sleep 30"));
        Http.Client scheduler = as(Identities.SCHEDULER);
        Http.Client operator = as(Identities.OPERATOR);

        Http.Response byOperator = operator.send("POST", url(ApiPaths.AGENT_TASKS), body);
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(byOperator.body()).isEqualTo("{\"message\":\"Caller 'operator' may not call POST /api/agent/tasks (allowed: scheduler)\"}");
        assertThat(as(Identities.GATEWAY).send("POST", url(ApiPaths.AGENT_TASKS), body).status()).isEqualTo(403);
        assertThat(as(Identities.agent("other")).send("POST", url(ApiPaths.AGENT_TASKS), body).status()).isEqualTo(403);
        assertThat(operator.get(url(ApiPaths.AGENT_TASKS)).body()).doesNotContain(id);

        assertThat(scheduler.send("POST", url(ApiPaths.AGENT_TASKS), body).status()).isEqualTo(201);
        assertThat(operator.get(url(ApiPaths.AGENT_TASKS + "/" + id)).status()).isEqualTo(200);
        assertThat(as(Identities.PROMETHEUS).get(url(ApiPaths.AGENT_TASKS + "/" + id)).status()).isEqualTo(403);
        assertThat(operator.send("DELETE", url(ApiPaths.AGENT_TASKS + "/" + id), null).status()).isEqualTo(403);
        assertThat(scheduler.send("DELETE", url(ApiPaths.AGENT_TASKS + "/" + id), null).status()).isEqualTo(202);
    }

    @Test
    void aCallerWithoutACertificateOfTheCa_getsNoSession() {
        assertThat(catchThrowable(() -> Http.client(CA.trustOnlyContext()).get(url(ApiPaths.AGENT_TASKS)))).isNotNull();
        assertThat(Http.get(url(ApiPaths.AGENT_TASKS).replace("https:", "http:")).status()).isEqualTo(400);
    }

    private static Http.Client as(String identity) {
        return Http.client(CA.issue(identity, Duration.ofHours(1)).sslContext());
    }

    private String url(String path) {
        return "https://localhost:" + port + path;
    }
}
