package dev.pacer.agent.task.web;

import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.AgentApplication;
import dev.pacer.agent.support.TestTasks;
import dev.pacer.boot.tls.Identities;
import dev.pacer.contract.ApiPaths;
import dev.pacer.runtime.ClusterPki;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import dev.pacer.testsupport.openapi.ActuatorMappings;
import dev.pacer.testsupport.openapi.OpenApiSpec;
import dev.pacer.testsupport.openapi.OpenApiSpec.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent API with mutual TLS: only the scheduler launches and kills; the scheduler and an operator
 * read; every other identity gets a JSON 403, a caller without a certificate of the CA no session. And the
 * API as wire-contract's {@code openapi/pacer.yaml} describes it: every operation of its {@code agent} tag,
 * called with an {@code operator} certificate, answers as described; every endpoint the agent maps under
 * {@code /api/agent} (actuator {@code mappings}) is described, but launch and kill, which the document leaves
 * out because they are the scheduler's alone — proven by the operator's 403.
 */
@SpringBootTest(classes = AgentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost", "pacer.agent.host=localhost",
                "pacer.agent.id=tls-agent", "pacer.agent.kill-grace-period=1s",
                "management.endpoints.web.exposure.include=health,mappings",
                // read before start-up, as in production (a @DynamicPropertySource comes too late for pacer.tls.*)
                "pacer.tls.ca=" + AgentApiMutualTlsIT.DIR + "/ca.pem",
                "pacer.tls.certificate=" + AgentApiMutualTlsIT.DIR + "/cert.pem",
                "pacer.tls.private-key=" + AgentApiMutualTlsIT.DIR + "/key.pem"})
@DirtiesContext
class AgentApiMutualTlsIT {

    static final String DIR = "target/test-tls/agent";
    private static final ClusterPki CA = ClusterPki.create("test CA");
    private static final Path WORK_DIR = TestTasks.tempDir("pacer-agent-tls-it");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AGENT_API = ApiPaths.API + "/agent";
    /** Mapped but left out of the OpenAPI document: the scheduler's alone (AgentCallers). */
    private static final Set<Operation> SCHEDULER_ONLY = Set.of(new Operation("POST", ApiPaths.AGENT_TASKS),
            new Operation("DELETE", ApiPaths.AGENT_TASK));

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

    private final OpenApiSpec spec = OpenApiSpec.classpath(ApiPaths.OPENAPI_RESOURCE);
    private final List<String> violations = new ArrayList<>();

    @Test
    void everyOperatorOperation_answersAsTheOpenApiDocumentSays() {
        Http.Client scheduler = as(Identities.SCHEDULER);
        Http.Client operator = as(Identities.OPERATOR);
        String id = newTaskId("/openapi/web");
        String launch = JSON.writeValueAsString(cmd(id, "/openapi/web", "echo hello-openapi; sleep 30"));
        assertThat(scheduler.send("POST", url(ApiPaths.AGENT_TASKS), launch).status()).isEqualTo(201);
        String task = ApiPaths.AGENT_TASKS + "/" + id;
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get(url(task + "/logs/stdout")).body().contains("hello-openapi"));

        call(operator, ApiPaths.AGENT_TASKS);
        call(operator, task);
        call(operator, ApiPaths.AGENT_TASKS + "/" + newTaskId("/openapi/none"));
        assertThat(call(operator, task + "/logs/stdout?tail=5").body()).contains("hello-openapi");
        call(operator, task + "/logs/stderr");
        call(operator, task + "/logs/stdout?tail=-1");
        call(operator, task + "/logs/other");
        call(as(Identities.PROMETHEUS), ApiPaths.AGENT_TASKS);
        call(as(Identities.GATEWAY), task);
        call(as(Identities.agent("other")), task + "/logs/stdout");

        assertThat(violations).isEmpty();
        assertThat(spec.coverageGaps(AGENT_API, Set.of())).isEmpty();
        assertThat(scheduler.send("DELETE", url(task), null).status()).isEqualTo(202);
    }

    @Test
    void everyMappedEndpoint_isInTheOpenApiDocument_butTheSchedulersOwn() {
        Http.Client operator = as(Identities.OPERATOR);
        Http.Response mappings = operator.get(url("/actuator/mappings"));
        assertThat(mappings.status()).isEqualTo(200);
        List<Operation> mapped = ActuatorMappings.under(JSON.readTree(mappings.body()), AGENT_API);

        assertThat(mapped).isNotEmpty();
        assertThat(spec.notDescribed(mapped)).containsExactlyInAnyOrderElementsOf(SCHEDULER_ONLY);
        for (Operation op : SCHEDULER_ONLY) {
            String path = op.path().replace("{taskId}", newTaskId("/openapi/web"));
            assertThat(operator.send(op.method(), url(path), "{}").status()).as(op + " by an operator").isEqualTo(403);
        }
    }

    private Http.Response call(Http.Client client, String target) {
        Http.Response response = client.get(url(target));
        violations.addAll(spec.check("GET", target, response.status(), response.header("Content-Type"), response.body()));
        return response;
    }

    private static Http.Client as(String identity) {
        return Http.client(CA.issue(identity, Duration.ofHours(1)).sslContext());
    }

    private String url(String path) {
        return "https://localhost:" + port + path;
    }
}
