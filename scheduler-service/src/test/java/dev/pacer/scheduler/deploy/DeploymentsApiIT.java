package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.HealthSimulator;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Deployments through the real API of one scheduler on real Redis, with fake agents and a simulated
 * health-service deciding when tasks count as healthy.
 */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.scheduler.reconcile.declined-retry=500ms"})
@DirtiesContext
class DeploymentsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static final String CHECKED = ",\"cpus\":0.1,\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/\",\"portIndex\":0}]";
    private static FakeAgent agentA;
    private static FakeAgent agentB;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        REDIS.flushPacerKeys();
        agentA = FakeAgent.start("deploy-a", "a", TestRedis.url(), new Resources(8, 8192, 10_000));
        agentB = FakeAgent.start("deploy-b", "b", TestRedis.url(), new Resources(8, 8192, 10_000));
    }

    @AfterAll
    static void stopAgents() {
        agentA.close();
        agentB.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aChange_isADeploymentWithStepsAndActions_untilItsTasksAreHealthy() {
        Http.Response created = send("POST", "/v2/apps", "{\"id\":\"/d/watched\",\"cmd\":\"serve\",\"instances\":2" + CHECKED + "}");
        String id = created.header("Marathon-Deployment-Id");

        JsonNode deployment = deployment(id);
        assertThat(deployment.path("affectedApps").get(0).asString()).isEqualTo("/d/watched");
        assertThat(deployment.path("steps").get(0).path("actions").get(0).path("action").asString()).isEqualTo("StartApplication");
        assertThat(deployment.path("steps").get(0).path("actions").get(0).path("action").asString()).isEqualTo("StartApplication");
        assertThat(deployment.path("currentActions").get(0).path("readinessCheckResults").isArray()).isTrue();
        assertThat(deployment.path("currentStep").asInt()).isEqualTo(1);
        assertThat(deployment.path("totalSteps").asInt()).isEqualTo(1);
        assertThat(deployment.path("version").asString()).isEqualTo(JSON.readTree(created.body()).path("version").asString());
        // running but not healthy: the deployment waits, and the app says so
        await().atMost(Duration.ofSeconds(10)).until(() -> app("/d/watched").path("tasksRunning").asInt() == 2);
        assertThat(deployment(id)).isNotNull();
        assertThat(app("/d/watched").path("deployments").get(0).path("id").asString()).isEqualTo(id);

        try (HealthSimulator health = new HealthSimulator(REDIS.template(), url(""), "/d/watched", Duration.ZERO)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> deployment(id) == null);
        }
        assertThat(app("/d/watched").path("deployments").isEmpty()).isTrue();
    }

    @Test
    void aChangeToALockedApp_is409NamingTheDeployment_changesNothing_andForceTakesOver() {
        String first = send("POST", "/v2/apps", "{\"id\":\"/d/locked\",\"cmd\":\"serve\",\"instances\":1" + CHECKED + "}")
                .header("Marathon-Deployment-Id");

        Http.Response locked = send("PUT", "/v2/apps/d/locked", "{\"instances\":3}");
        assertThat(locked.status()).isEqualTo(409);
        JsonNode body = JSON.readTree(locked.body());
        assertThat(body.path("message").asString()).isEqualTo("App is locked by one or more deployments. Override with the option"
                + " '?force=true'. View details at '/v2/deployments/" + first + "'.");
        assertThat(body.path("deployments").get(0).path("id").asString()).isEqualTo(first);
        assertThat(app("/d/locked").path("instances").asInt()).isEqualTo(1);
        assertThat(send("POST", "/v2/apps/d/locked/restart", "").status()).isEqualTo(409);
        assertThat(send("DELETE", "/v2/apps/d/locked/tasks?scale=true", "").status()).isEqualTo(409);
        assertThat(app("/d/locked").path("instances").asInt()).isEqualTo(1);

        Http.Response forced = send("PUT", "/v2/apps/d/locked?force=true", "{\"instances\":3}");
        assertThat(forced.status()).isEqualTo(200);
        String second = forced.header("Marathon-Deployment-Id");
        assertThat(deployment(first)).isNull();
        assertThat(deployment(second).path("steps").get(0).path("actions").get(0).path("action").asString())
                .isEqualTo("ScaleApplication");
        assertThat(app("/d/locked").path("instances").asInt()).isEqualTo(3);
        // a different app is never blocked by it
        assertThat(send("POST", "/v2/apps", "{\"id\":\"/d/other\",\"cmd\":\"x\",\"instances\":0}").status()).isEqualTo(201);
    }

    @Test
    void deletingADeployment_rollsBack_andWithForce_justStops() {
        String base = "/d/rollback";
        try (HealthSimulator health = new HealthSimulator(REDIS.template(), url(""), base, Duration.ZERO)) {
            String start = send("POST", "/v2/apps", "{\"id\":\"" + base + "\",\"cmd\":\"good\",\"instances\":2" + CHECKED + "}")
                    .header("Marathon-Deployment-Id");
            await().atMost(Duration.ofSeconds(10)).until(() -> deployment(start) == null);

            Http.Response broken = send("PUT", "/v2/apps" + base, "{\"cmd\":\"broken\"}");
            health.failing.add(JSON.readTree(broken.body()).path("version").asString());
            String bad = broken.header("Marathon-Deployment-Id");
            await().atMost(Duration.ofSeconds(10)).until(() -> tasks(base).stream().anyMatch(t ->
                    t.path("version").asString().equals(JSON.readTree(broken.body()).path("version").asString())));

            Http.Response rollback = send("DELETE", "/v2/deployments/" + bad, "");
            assertThat(rollback.status()).isEqualTo(200);
            String rollbackId = JSON.readTree(rollback.body()).path("deploymentId").asString();
            assertThat(rollback.header("Marathon-Deployment-Id")).isEqualTo(rollbackId);
            assertThat(rollbackId).isNotEqualTo(bad);
            assertThat(deployment(bad)).isNull();
            await().atMost(Duration.ofSeconds(15)).until(() -> deployment(rollbackId) == null);
            assertThat(app(base).path("cmd").asString()).isEqualTo("good");
            assertThat(tasks(base)).hasSize(2).allSatisfy(t -> assertThat(t.path("state").asString()).isEqualTo("TASK_RUNNING"));

            Http.Response again = send("PUT", "/v2/apps" + base, "{\"cmd\":\"broken again\"}");
            health.failing.add(JSON.readTree(again.body()).path("version").asString());
            Http.Response stopped = send("DELETE", "/v2/deployments/" + again.header("Marathon-Deployment-Id") + "?force=true", "");
            assertThat(stopped.status()).isEqualTo(202);
            assertThat(stopped.body()).isEmpty();
            assertThat(deployment(again.header("Marathon-Deployment-Id"))).isNull();
            assertThat(app(base).path("cmd").asString()).isEqualTo("broken again");
            assertThat(app(base).path("deployments").isEmpty()).isTrue();
        }
        Http.Response unknown = send("DELETE", "/v2/deployments/nope", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"DeploymentPlan nope does not exist\"}");
    }

    @Test
    void aRollingRestart_neverDropsBelowMinimumHealthCapacity_norAboveMaximumOverCapacity() throws Exception {
        String base = "/d/rolling";
        try (HealthSimulator health = new HealthSimulator(REDIS.template(), url(""), base, Duration.ofMillis(1500))) {
            String start = send("POST", "/v2/apps", "{\"id\":\"" + base + "\",\"cmd\":\"serve\",\"instances\":4" + CHECKED
                    + ",\"upgradeStrategy\":{\"minimumHealthCapacity\":0.5,\"maximumOverCapacity\":0}}").header("Marathon-Deployment-Id");
            await().atMost(Duration.ofSeconds(15)).until(() -> deployment(start) == null);
            assertThat(health.healthy()).isEqualTo(4);

            Http.Response restart = send("POST", "/v2/apps" + base + "/restart", "");
            assertThat(restart.status()).isEqualTo(200);
            String id = restart.header("Marathon-Deployment-Id");
            assertThat(deployment(id).path("steps").get(0).path("actions").get(0).path("action").asString())
                    .isEqualTo("RestartApplication");
            List<Integer> healthySamples = new ArrayList<>();
            List<Integer> activeSamples = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (deployment(id) != null && System.nanoTime() < deadline) {
                // one listing per sample for both counts: under load every request of a sample costs tens of ms
                List<JsonNode> sample = tasks(base);
                healthySamples.add(health.healthy(sample));
                activeSamples.add((int) sample.stream().filter(t -> !t.path("state").asString().equals("TASK_KILLING")).count());
                Thread.sleep(40);
            }
            assertThat(deployment(id)).as("deployment finished").isNull();
            assertThat(healthySamples).hasSizeGreaterThan(10).allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(2));
            assertThat(activeSamples).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
            String version = JSON.readTree(restart.body()).path("version").asString();
            assertThat(tasks(base)).hasSize(4).allSatisfy(t -> assertThat(t.path("version").asString()).isEqualTo(version));
            System.out.printf("[deployments] rolling restart of 4 (min health 0.5, over 0): %d samples, min healthy %d, max active %d%n",
                    healthySamples.size(), healthySamples.stream().mapToInt(i -> i).min().orElse(-1),
                    activeSamples.stream().mapToInt(i -> i).max().orElse(-1));
        }
    }

    @Test
    void aCanary_pausesAfterItsNewTasks_promoteCompletesIt_andCancelKeepsTheOldTasksRunning() {
        String base = "/d/canary";
        try (HealthSimulator health = new HealthSimulator(REDIS.template(), url(""), base, Duration.ZERO)) {
            String start = send("POST", "/v2/apps", "{\"id\":\"" + base + "\",\"cmd\":\"v1\",\"instances\":3" + CHECKED
                    + ",\"pacer\":{\"canary\":{\"instances\":1}}}").header("Marathon-Deployment-Id");
            await().atMost(Duration.ofSeconds(10)).until(() -> deployment(start) == null);
            assertThat(app(base).path("pacer").path("canary").path("instances").asInt()).isEqualTo(1);

            Http.Response change = send("PUT", "/v2/apps" + base, "{\"cmd\":\"v2\"}");
            String id = change.header("Marathon-Deployment-Id");
            String v2 = JSON.readTree(change.body()).path("version").asString();
            assertThat(deployment(id).path("pacer").path("phase").asString()).isEqualTo("canary");
            await().atMost(Duration.ofSeconds(10)).until(() -> health.healthy() == 4);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    tasks(base).size() == 4 && tasks(base).stream().filter(t -> t.path("version").asString().equals(v2)).count() == 1);
            assertThat(deployment(id)).as("held at the canary").isNotNull();

            Http.Response promoted = send("POST", "/v2/deployments/" + id + "/promote", "");
            assertThat(promoted.status()).isEqualTo(200);
            assertThat(JSON.readTree(promoted.body()).path("pacer").path("phase").asString()).isEqualTo("promoted");
            await().atMost(Duration.ofSeconds(15)).until(() -> deployment(id) == null);
            assertThat(tasks(base)).hasSize(3).allSatisfy(t -> assertThat(t.path("version").asString()).isEqualTo(v2));

            List<String> before = tasks(base).stream().map(t -> t.path("id").asString()).toList();
            Http.Response next = send("PUT", "/v2/apps" + base, "{\"cmd\":\"v3\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> tasks(base).size() == 4);
            Http.Response cancelled = send("DELETE", "/v2/deployments/" + next.header("Marathon-Deployment-Id"), "");
            assertThat(cancelled.status()).isEqualTo(200);
            String rollback = JSON.readTree(cancelled.body()).path("deploymentId").asString();
            await().atMost(Duration.ofSeconds(15)).until(() -> deployment(rollback) == null);
            assertThat(tasks(base).stream().map(t -> t.path("id").asString()).toList())
                    .as("the tasks of the config rolled back to keep running").containsExactlyInAnyOrderElementsOf(before);
            assertThat(app(base).path("cmd").asString()).isEqualTo("v2");
        }
        assertThat(send("POST", "/v2/deployments/nope/promote", "").status()).isEqualTo(404);
    }

    @Test
    void aChangeWhoseNewTasksStayUnhealthy_rollsBackByItselfAfterTheDeadline() {
        String base = "/d/revert";
        try (HealthSimulator health = new HealthSimulator(REDIS.template(), url(""), base, Duration.ZERO)) {
            String start = send("POST", "/v2/apps", "{\"id\":\"" + base + "\",\"cmd\":\"good\",\"instances\":2" + CHECKED
                    + ",\"pacer\":{\"autoRevert\":{\"deadlineSeconds\":2}}}").header("Marathon-Deployment-Id");
            await().atMost(Duration.ofSeconds(10)).until(() -> deployment(start) == null);
            List<String> good = tasks(base).stream().map(t -> t.path("id").asString()).toList();

            Http.Response bad = send("PUT", "/v2/apps" + base, "{\"cmd\":\"bad\"}");
            health.failing.add(JSON.readTree(bad.body()).path("version").asString());
            String id = bad.header("Marathon-Deployment-Id");
            assertThat(deployment(id).path("pacer").path("autoRevertAt").asString()).isNotBlank();

            await().atMost(Duration.ofSeconds(20)).until(() -> deployment(id) == null
                    && app(base).path("cmd").asString().equals("good") && app(base).path("deployments").isEmpty());
            assertThat(tasks(base).stream().map(t -> t.path("id").asString()).toList()).containsExactlyInAnyOrderElementsOf(good);
            assertThat(Http.get(url("/actuator/prometheus")).body()).contains("outcome=\"auto-reverted\"");
        }
        Http.Response invalid = send("POST", "/v2/apps", "{\"id\":\"/d/bad-ext\",\"cmd\":\"x\",\"pacer\":{\"canary\":{\"instances\":0}}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("/pacer/canary/instances");
    }

    @Test
    void blueGreen_startsTheWholeNewSet_switchesTrafficAtOnceWhenAllAreHealthy_andStopsTheOldSetLater() {
        String base = "/d/bluegreen";
        AppId app = AppId.parse(base);
        try (HealthSimulator health = new HealthSimulator(REDIS.template(), url(""), base, Duration.ofMillis(1500))) {
            String start = send("POST", "/v2/apps", "{\"id\":\"" + base + "\",\"cmd\":\"blue\",\"instances\":2" + CHECKED
                    + ",\"pacer\":{\"blueGreen\":{\"keepOldSeconds\":3}}}").header("Marathon-Deployment-Id");
            await().atMost(Duration.ofSeconds(15)).until(() -> deployment(start) == null);
            String blueVersion = app(base).path("version").asString();
            assertThat(REDIS.template().hasKey(RedisKeys.appTrafficDenied(app))).as("a create switches nothing").isFalse();

            Http.Response change = send("PUT", "/v2/apps" + base, "{\"cmd\":\"green\"}");
            String green = JSON.readTree(change.body()).path("version").asString();
            String id = change.header("Marathon-Deployment-Id");
            assertThat(REDIS.template().opsForSet().members(RedisKeys.appTrafficDenied(app)))
                    .as("the green set gets no traffic before the switch").containsExactly(green);
            await().atMost(Duration.ofSeconds(10)).until(() -> tasks(base).size() == 4);
            await().atMost(Duration.ofSeconds(15)).until(() -> REDIS.template().opsForSet()
                    .members(RedisKeys.appTrafficDenied(app)).contains(blueVersion));
            assertThat(REDIS.template().opsForSet().members(RedisKeys.appTrafficDenied(app)))
                    .as("switched at once: the blue set out, the green set in").containsExactly(blueVersion);
            assertThat(health.healthy()).isEqualTo(4);
            assertThat(deployment(id)).as("the blue set is kept for an instant switch back").isNotNull();
            assertThat(tasks(base)).hasSize(4);

            await().atMost(Duration.ofSeconds(15)).until(() -> deployment(id) == null);
            assertThat(tasks(base)).hasSize(2).allSatisfy(t -> assertThat(t.path("version").asString()).isEqualTo(green));
            assertThat(REDIS.template().hasKey(RedisKeys.appTrafficDenied(app))).isFalse();
        }
        Http.Response both = send("POST", "/v2/apps", "{\"id\":\"/d/both\",\"cmd\":\"x\",\"pacer\":{\"canary\":{\"instances\":1},"
                + "\"blueGreen\":{\"keepOldSeconds\":1}}}");
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.body()).contains("canary and blueGreen cannot be combined");
    }

    @Test
    void aNewTaskCountsOnlyOnceItsReadinessCheckPasses_andTheDeploymentShowsTheResults() throws Exception {
        Http.Response created = send("POST", "/v2/apps", "{\"id\":\"/d/ready\",\"cmd\":\"serve\",\"cpus\":0.1,\"instances\":1,"
                + "\"portDefinitions\":[{\"port\":0,\"name\":\"http-api\"}],"
                + "\"readinessChecks\":[{\"name\":\"warm\",\"path\":\"/ready\",\"portName\":\"http-api\","
                + "\"intervalSeconds\":2,\"timeoutSeconds\":1}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.header("Marathon-Deployment-Id");
        await().atMost(Duration.ofSeconds(10)).until(() -> tasks("/d/ready").size() == 1);
        // the fake agent runs nothing: the task's port is served by this stub, "warming up" (503) first
        int port = tasks("/d/ready").get(0).path("ports").get(0).asInt();
        AtomicInteger status = new AtomicInteger(503);
        HttpServer stub = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        stub.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        stub.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                JsonNode results = deployment(id).path("currentActions").get(0).path("readinessCheckResults");
                return results.size() == 1 && results.get(0).path("lastResponse").path("status").asInt() == 503;
            });
            JsonNode result = deployment(id).path("currentActions").get(0).path("readinessCheckResults").get(0);
            assertThat(result.path("name").asString()).isEqualTo("warm");
            assertThat(result.path("ready").asBoolean()).isFalse();
            assertThat(result.path("taskId").asString()).isEqualTo(tasks("/d/ready").get(0).path("id").asString());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> deployment(id) != null);

            status.set(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> deployment(id) == null);
        } finally {
            stub.stop(0);
        }
    }

    private JsonNode deployment(String id) {
        Http.Response response = Http.get(url("/v2/deployments?embed=pacer"));
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false)
                .filter(d -> d.path("id").asString().equals(id)).findFirst().orElse(null);
    }

    private JsonNode app(String id) {
        return JSON.readTree(Http.get(url("/v2/apps" + id + "?embed=pacer")).body()).path("app");
    }

    private List<JsonNode> tasks(String app) {
        return StreamSupport.stream(JSON.readTree(Http.get(url("/v2/apps" + app + "/tasks")).body()).path("tasks").spliterator(), false)
                .toList();
    }

    private Http.Response send(String method, String path, String body) {
        return Http.send(method, url(path), body);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
