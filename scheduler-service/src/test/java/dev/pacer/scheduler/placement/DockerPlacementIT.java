package dev.pacer.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.agent.Capabilities;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker apps on a real scheduler: placed only on agents that advertise the {@code docker} capability
 * (the queue says who lacked it), launched with their container filled from the app definition, and a
 * launch an agent refuses fails the task with the agent's reason, shown as the app's {@code lastTaskFailure}.
 */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.scheduler.reconcile.declined-retry=500ms", "pacer.scheduler.placement.heartbeat-timeout=2s"})
@DirtiesContext
class DockerPlacementIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static FakeAgent plain;
    private static FakeAgent docker;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        REDIS.flushPacerKeys();
        plain = FakeAgent.start("plain-a", "a", TestRedis.url(), new Resources(4, 4096, 10_000), Map.of("rack", "r1"));
        docker = FakeAgent.start("docker-b", "b", TestRedis.url(), new Resources(4, 4096, 10_000),
                Map.of("rack", "r2", Capabilities.DOCKER, "20.10.24"));
    }

    @AfterAll
    static void stopAgents() {
        plain.close();
        docker.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aDockerApp_runsOnlyOnTheAgentWithDocker_withItsContainerAndUser() {
        assertThat(post("""
                {"id":"/dock/web","instances":2,"cpus":0.1,"mem":64,"user":"nobody",
                 "container":{"type":"DOCKER","docker":{"image":"pacer/test-http:latest","forcePullImage":false,
                   "parameters":[{"key":"label","value":"team=web"}]},
                   "portMappings":[{"containerPort":8080,"hostPort":0,"name":"http"}],
                   "volumes":[{"containerPath":"/data","hostPath":"/srv/data","mode":"RO"}]},
                 "networks":[{"mode":"container/bridge"}]}""").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).until(() -> docker.running().stream()
                .filter(t -> t.appId().equals("/dock/web")).count() == 2);
        assertThat(plain.launchRequests().values()).noneMatch(r -> r.appId().equals("/dock/web"));
        LaunchRequest launched = docker.launchRequests().values().stream().filter(r -> r.appId().equals("/dock/web"))
                .findFirst().orElseThrow();
        ContainerSpec spec = launched.container();
        assertThat(spec.image()).isEqualTo("pacer/test-http:latest");
        assertThat(spec.network()).isEqualTo(ContainerSpec.BRIDGE);
        assertThat(spec.parameters()).containsExactly(new ContainerSpec.Parameter("label", "team=web"));
        assertThat(spec.portMappings()).containsExactly(new ContainerSpec.PortMapping(8080, launched.ports().get(0), "tcp", "http"));
        assertThat(spec.volumes()).containsExactly(new ContainerSpec.Volume("/data", "/srv/data", "RO"));
        assertThat(launched.user()).isEqualTo("nobody");
        assertThat(launched.cmd()).isNull();
        assertThat(launched.args()).isEmpty();
    }

    @Test
    void aDockerApp_whereNoAgentHasDocker_waitsInTheQueue_sayingWhoLackedIt() {
        post("""
                {"id":"/dock/nowhere","cpus":0.1,"mem":32,"constraints":[["rack","LIKE","r1"]],
                 "container":{"type":"DOCKER","docker":{"image":"pacer/test-http:latest"}}}""");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode entry = queueEntry("/dock/nowhere");
            assertThat(entry.path("processedOffersSummary").path("rejectSummaryLastOffers").toString())
                    .contains("\"reason\":\"insufficient_docker\"");
        });
        assertThat(plain.launchRequests().values()).noneMatch(r -> r.appId().equals("/dock/nowhere"));
    }

    @Test
    void aLaunchTheAgentRefuses_failsTheTaskWithItsReason_shownAsLastTaskFailure() {
        docker.refuseLaunches("Object is not valid");
        try {
            post("""
                    {"id":"/dock/refused","cpus":0.1,"mem":32,"backoffSeconds":60,
                     "container":{"type":"DOCKER","docker":{"image":"pacer/test-http:latest"}}}""");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                // Marathon's queue item holds the plain App; Pacer's ?embed=pacer adds why its tasks do not start
                assertThat(queueEntry("/dock/refused", "").path("app").has("lastTaskFailure")).isFalse();
                assertThat(queueEntry("/dock/refused", "").path("app").has("tasksRunning")).isFalse();
                JsonNode failure = queueEntry("/dock/refused", "?embed=pacer").path("app").path("lastTaskFailure");
                assertThat(failure.path("message").asString())
                        .isEqualTo("launch refused by agent docker-b (HTTP 422): Object is not valid");
                assertThat(failure.path("state").asString()).isEqualTo("TASK_FAILED");
                assertThat(failure.path("slaveId").asString()).isEqualTo("docker-b");
                assertThat(failure.path("appId").asString()).isEqualTo("/dock/refused");
            });
            JsonNode app = JSON.readTree(Http.get(url("/v2/apps/dock/refused")).body()).path("app");
            assertThat(app.path("lastTaskFailure").path("message").asString()).startsWith("launch refused by agent docker-b");
            assertThat(app.path("lastTaskFailure").path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");
        } finally {
            docker.refuseLaunches(null);
        }
    }

    private JsonNode queueEntry(String appId) {
        return queueEntry(appId, "");
    }

    private JsonNode queueEntry(String appId, String query) {
        JsonNode queue = JSON.readTree(Http.get(url(ApiPaths.V2_QUEUE + query)).body()).path("queue");
        return StreamSupport.stream(queue.spliterator(), false)
                .filter(e -> e.path("app").path("id").asString().equals(appId)).findFirst()
                .orElseThrow(() -> new AssertionError(appId + " is not queued: " + queue));
    }

    private Http.Response post(String body) {
        return Http.send("POST", url(ApiPaths.V2_APPS), body);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
