package dev.pacer.scheduler.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.FakeAgentPair;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
 * The apps API of one real scheduler on a real port, with its state in a real Redis, reconciling onto
 * two fake agents (zones a and b) that accept launches and report status on the real stream.
 */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.scheduler.reconcile.declined-retry=500ms", "pacer.scheduler.reconcile.agent-lost-after=2s",
                "pacer.scheduler.placement.heartbeat-timeout=2s"})
@DirtiesContext
class AppsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static FakeAgentPair agents;
    private static FakeAgent agentA;
    private static FakeAgent agentB;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        agents = FakeAgentPair.start(REDIS, "fake");
        agentA = agents.a;
        agentB = agents.b;
    }

    @AfterAll
    static void stopAgents() {
        agents.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void anAppIsCreated_withMarathonsDefaults_andItsTasksRunSpreadOverZones() {
        Http.Response created = post("{\"id\":\"spread/web\",\"cmd\":\"serve\",\"cpus\":0.5,\"instances\":2}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v2/apps/spread/web");
        assertThat(created.header("Marathon-Deployment-Id")).isNotBlank();
        JsonNode app = JSON.readTree(created.body());
        assertThat(app.path("id").asString()).isEqualTo("/spread/web");
        assertThat(app.path("mem").asDouble()).isEqualTo(128.0);
        assertThat(app.path("backoffFactor").asDouble()).isEqualTo(1.15);
        assertThat(app.path("deployments").get(0).path("id").asString()).isEqualTo(created.header("Marathon-Deployment-Id"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode info = get("/v2/apps//spread/web").path("app");
            assertThat(info.path("tasksRunning").asInt()).isEqualTo(2);
            assertThat(StreamSupport.stream(info.path("tasks").spliterator(), false).map(t -> t.path("zone").asString()))
                    .containsExactlyInAnyOrder("a", "b");
        });
        JsonNode listed = StreamSupport.stream(get("/v2/apps?embed=apps.tasks").path("apps").spliterator(), false)
                .filter(a -> a.path("id").asString().equals("/spread/web")).findFirst().orElseThrow();
        assertThat(listed.path("tasksRunning").asInt()).isEqualTo(2);
        assertThat(listed.path("tasks").size()).isEqualTo(2);
        assertThat(StreamSupport.stream(get("/v2/tasks?status=running").path("tasks").spliterator(), false)
                .filter(t -> t.path("appId").asString().equals("/spread/web")).count()).isEqualTo(2);
        int servicePort = app.path("portDefinitions").get(0).path("port").asInt();
        assertThat(servicePort).isBetween(10000, 20000);
        assertThat(get("/v2/apps/spread/web/tasks").path("tasks").get(0).path("servicePorts").get(0).asInt()).isEqualTo(servicePort);
    }

    @Test
    void anInvalidApp_is422ListingEveryFailingPath_andChangesNothing() {
        Set<String> before = REDIS.template().keys(RedisKeys.PREFIX + "*");

        Http.Response response = post("{\"id\":\"/Bad_Id\",\"instances\":-1,\"constraints\":[[\"hostname\",\"UNIQUE\",\"x\"]]}");

        assertThat(response.status()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asString()).isEqualTo("Object is not valid");
        assertThat(StreamSupport.stream(body.path("details").spliterator(), false).map(d -> d.path("path").asString()))
                .contains("/id", "/instances", "/constraints(0)");
        assertThat(REDIS.template().keys(RedisKeys.PREFIX + "*")).isSubsetOf(withVolatileKeys(before));
    }

    @Test
    void malformedJson_is400_andADuplicate_is409_andAnUnknownApp_is404() {
        assertThat(post("{\"id\": ").status()).isEqualTo(400);
        assertThat(post("{\"id\":\"/dup\",\"cmd\":\"x\",\"instances\":0}").status()).isEqualTo(201);
        Http.Response duplicate = post("{\"id\":\"/dup\",\"cmd\":\"x\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).isEqualTo("{\"message\":\"An app with id [/dup] already exists.\"}");
        Http.Response unknown = Http.get(url("/v2/apps/nope"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"App '/nope' does not exist\"}");
        assertThat(Http.send("DELETE", url("/v2/apps/dup/tasks/dup.instance-00000000-0000-0000-0000-000000000000._app.1"), null)
                .status()).isEqualTo(404);
    }

    /** The path is read by wire-contract's parser, the one the gateway authorizes with: same bytes, same app. */
    @Test
    void pathIds_areReadByTheGatewaysParser_encodedLettersAreTheApp_unreadableSpellingsAre404JsonNever500() {
        assertThat(post("{\"id\":\"/spell/web\",\"cmd\":\"x\",\"instances\":0}").status()).isEqualTo(201);
        assertThat(get("/v2/apps/sp%65ll/w%65b").path("app").path("id").asString()).isEqualTo("/spell/web");
        assertThat(get("/v2/apps//spell/web/versions").path("versions")).hasSize(1);
        for (String spelling : List.of("/v2/apps/Spell/web", "/v2/apps/spell/%2e%2e/spell/web", "/v2/apps/sp%C3%A9ll/web")) {
            Http.Response response = Http.get(url(spelling));
            assertThat(response.status()).as(spelling).isIn(400, 404);
            assertThat(response.body()).as(spelling).startsWith("{\"message\":");
        }
        Http.Response put = Http.send("PUT", url("/v2/apps/Spell/Web"), "{\"cmd\":\"x\"}");
        assertThat(put.status()).isEqualTo(422);
        assertThat(Http.send("DELETE", url("/v2/queue/Spell/web/delay"), null).status()).isEqualTo(404);
        assertThat(Http.get(url("/v2/groups/Spell")).status()).isEqualTo(404);
        assertThat(get("/v2/groups/sp%65ll").path("id").asString()).isEqualTo("/spell");
        // an encoded prefix is not the prefix: the gateway classifies the raw path, so the scheduler reads it raw too
        assertThat(Http.get(url("/v2/app%73/spell/web")).status()).isEqualTo(404);
        assertThat(Http.get(url("/v2/group%73/spell")).status()).isEqualTo(404);
    }

    @Test
    void aPartialUpdate_keepsWhatItLeavesOut_versionsAreKept_andAVersionCanBeRolledBackTo() {
        post("{\"id\":\"/versioned\",\"cmd\":\"run v1\",\"instances\":0,\"labels\":{\"tier\":\"web\"}}");
        String v1 = get("/v2/apps/versioned/versions").path("versions").get(0).asString();
        awaitNoDeployment("/versioned");

        Http.Response updated = Http.send("PUT", url("/v2/apps/versioned"), "{\"cmd\":\"run v2\"}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode app = get("/v2/apps/versioned").path("app");
        assertThat(app.path("cmd").asString()).isEqualTo("run v2");
        assertThat(app.path("labels").path("tier").asString()).isEqualTo("web");
        assertThat(get("/v2/apps/versioned/versions").path("versions").size()).isEqualTo(2);
        assertThat(get("/v2/apps/versioned/versions/" + v1).path("cmd").asString()).isEqualTo("run v1");
        awaitNoDeployment("/versioned");

        assertThat(Http.send("PUT", url("/v2/apps/versioned"), "{\"version\":\"" + v1 + "\"}").status()).isEqualTo(200);
        assertThat(get("/v2/apps/versioned").path("app").path("cmd").asString()).isEqualTo("run v1");
    }

    @Test
    void listFilters_byLabelSelectorCmdAndId() {
        post("{\"id\":\"/filters/prod\",\"cmd\":\"python serve\",\"instances\":0,\"labels\":{\"env\":\"prod\"}}");
        post("{\"id\":\"/filters/dev\",\"cmd\":\"ruby serve\",\"instances\":0,\"labels\":{\"env\":\"dev\"}}");

        assertThat(ids(get("/v2/apps?label=env==prod"))).containsExactly("/filters/prod");
        assertThat(ids(get("/v2/apps?cmd=RUBY"))).containsExactly("/filters/dev");
        assertThat(ids(get("/v2/apps?id=filters/"))).containsExactlyInAnyOrder("/filters/prod", "/filters/dev");
        assertThat(Http.get(url("/v2/apps?label=env%3D%3Dpr%20od")).status()).isEqualTo(422);
    }

    @Test
    void aTaskThatFails_isReplacedAfterBackoff_shownInTheQueue_andTheDelayCanBeReset() {
        post("{\"id\":\"/flaky\",\"cmd\":\"crash\",\"instances\":1,\"cpus\":0.1,\"backoffSeconds\":60}");
        await().atMost(Duration.ofSeconds(10)).until(() -> runningOf("/flaky").size() == 1);
        AgentTask first = runningOf("/flaky").get(0);

        (agentA.running().contains(first) ? agentA : agentB).exit(first.taskId(), 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode queue = get("/v2/queue").path("queue");
            assertThat(queue.size()).isEqualTo(1);
            assertThat(queue.get(0).path("app").path("id").asString()).isEqualTo("/flaky");
            assertThat(queue.get(0).path("delay").path("timeLeftSeconds").asInt()).isGreaterThan(50);
        });
        assertThat(runningOf("/flaky")).isEmpty();

        assertThat(Http.send("DELETE", url("/v2/queue/flaky/delay"), null).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> runningOf("/flaky").size() == 1);
        assertThat(Http.send("DELETE", url("/v2/queue/not-queued/delay"), null).status()).isEqualTo(404);
    }

    @Test
    void anAppThatFitsNowhere_waitsInTheQueue_withTheReasons() {
        post("{\"id\":\"/huge\",\"cmd\":\"x\",\"cpus\":64,\"instances\":1}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode entry = StreamSupport.stream(get("/v2/queue").path("queue").spliterator(), false)
                    .filter(e -> e.path("app").path("id").asString().equals("/huge")).findFirst()
                    .orElseThrow(() -> new AssertionError("/huge is not queued yet")); // an AssertionError: awaited again
            assertThat(entry.path("count").asInt()).isEqualTo(1);
            assertThat(entry.path("processedOffersSummary").path("rejectSummaryLastOffers").toString()).contains("insufficient_cpus");
        });
        Http.send("DELETE", url("/v2/apps/huge"), null);
    }

    /**
     * requirePorts: the task's host port is the port definition's port; a second instance cannot get it
     * on the same agent and waits in the queue (the other agent's range lacks it).
     */
    @Test
    void requirePorts_givesTheTaskExactlyItsPort_andASecondInstanceWaitsForAnotherAgent() {
        int port = agentA.info().ports().begin() + 7;
        assertThat(port < agentB.info().ports().begin() || port > agentB.info().ports().end()).as("port in fake-b's range").isTrue();
        Http.Response created = post("{\"id\":\"/fixed-port\",\"cmd\":\"x\",\"cpus\":0.1,\"instances\":2,"
                + "\"requirePorts\":true,\"portDefinitions\":[{\"port\":" + port + ",\"name\":\"http\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(runningOf("/fixed-port")).hasSize(1);
            assertThat(runningOf("/fixed-port").get(0).ports()).containsExactly(port);
            assertThat(agentA.running()).extracting(AgentTask::appId).contains("/fixed-port");
            JsonNode entry = StreamSupport.stream(get("/v2/queue").path("queue").spliterator(), false)
                    .filter(e -> e.path("app").path("id").asString().equals("/fixed-port")).findFirst().orElseThrow();
            assertThat(entry.path("count").asInt()).isEqualTo(1);
            assertThat(entry.path("processedOffersSummary").path("rejectSummaryLastOffers").toString()).contains("insufficient_ports");
        });
        JsonNode task = get("/v2/apps/fixed-port/tasks").path("tasks").get(0);
        assertThat(task.path("ports").get(0).asInt()).isEqualTo(port);
        assertThat(task.path("servicePorts").get(0).asInt()).isEqualTo(port);
        Http.send("DELETE", url("/v2/apps/fixed-port?force=true"), null);
    }

    @Test
    void killingATaskWithScale_lowersTheInstanceCount() {
        post("{\"id\":\"/scaled\",\"cmd\":\"x\",\"cpus\":0.1,\"instances\":2}");
        await().atMost(Duration.ofSeconds(10)).until(() -> runningOf("/scaled").size() == 2);
        awaitNoDeployment("/scaled");
        String taskId = runningOf("/scaled").get(0).taskId();

        Http.Response killed = Http.send("DELETE", url("/v2/apps/scaled/tasks/" + taskId + "?scale=true"), null);

        assertThat(killed.status()).isEqualTo(200);
        assertThat(JSON.readTree(killed.body()).path("deploymentId").asString()).isNotBlank();
        assertThat(get("/v2/apps/scaled").path("app").path("instances").asInt()).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> runningOf("/scaled").size() == 1);
    }

    @Test
    void deletingAnApp_killsItsTasksOnTheAgents() {
        post("{\"id\":\"/doomed\",\"cmd\":\"x\",\"cpus\":0.1,\"instances\":2}");
        await().atMost(Duration.ofSeconds(10)).until(() -> runningOf("/doomed").size() == 2);

        assertThat(Http.send("DELETE", url("/v2/apps/doomed"), null).status()).isEqualTo(200);

        assertThat(Http.get(url("/v2/apps/doomed")).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> runningOf("/doomed").isEmpty());
    }

    @Test
    void theTasksOfALostAgent_areReplacedOnTheOthers_andTheAgentIsCountedLost() {
        try (FakeAgent doomed = FakeAgent.start("fake-doomed", "c", TestRedis.url(), new Resources(4, 4096, 10_000))) {
            post("{\"id\":\"/pinned\",\"cmd\":\"x\",\"cpus\":0.1,\"instances\":1,\"constraints\":[[\"@zone\",\"LIKE\",\"c|a\"]]}");
            await().atMost(Duration.ofSeconds(10)).until(() -> doomed.running().size() + runningOf("/pinned").size() >= 1);
            boolean onDoomed = !doomed.running().isEmpty();

            doomed.stopHeartbeats();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(runningOf("/pinned")).hasSize(1);
                assertThat(Http.get(url("/actuator/prometheus")).body()).contains("pacer_scheduler_agents{application=\"scheduler-service\",service=\"scheduler-service\",state=\"lost\"} 1.0");
            });
            if (onDoomed) {
                assertThat(agentA.running()).extracting(AgentTask::appId).contains("/pinned");
            }
        }
    }

    @Test
    void tasksByState_andLaunchLatencyFromThePost_areMetrics() {
        double before = metric("pacer_scheduler_launch_latency_seconds_count{");
        long start = System.nanoTime();
        assertThat(post("{\"id\":\"metered/web\",\"cmd\":\"serve\",\"cpus\":0.1,\"instances\":2}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> runningOf("/metered/web").size() == 2);
        awaitNoDeployment("/metered/web");
        double tookAtMost = (System.nanoTime() - start) / 1e9;

        assertThat(metric("pacer_scheduler_launch_latency_seconds_count{") - before).isGreaterThanOrEqualTo(2);
        assertThat(metric("pacer_scheduler_launch_latency_seconds_max{")).isGreaterThan(0).isLessThanOrEqualTo(tookAtMost + 1);
        // the gauge is what the reconcile passes saw: it comes to the tasks the agents really run
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metric("pacer_scheduler_tasks{", "state=\"running\""))
                .isEqualTo(agentA.running().size() + agentB.running().size()));
        assertThat(metric("pacer_scheduler_tasks{", "state=\"staging\"")).isGreaterThanOrEqualTo(0);
    }

    /** The value of the first sample of {@code /actuator/prometheus} whose line starts with {@code prefix} and holds every tag. */
    private double metric(String prefix, String... tags) {
        return Http.get(url("/actuator/prometheus")).body().lines()
                .filter(l -> l.startsWith(prefix) && Arrays.stream(tags).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + prefix + " " + String.join(",", tags)));
    }

    private List<AgentTask> runningOf(String appId) {
        return Stream.concat(agentA.running().stream(), agentB.running().stream())
                .filter(t -> t.appId().equals(appId)).toList();
    }

    private static Set<String> withVolatileKeys(Set<String> keys) {
        Set<String> all = new HashSet<>(keys);
        all.addAll(REDIS.template().keys(RedisKeys.PREFIX + "shard:*"));
        all.addAll(REDIS.template().keys(RedisKeys.PREFIX + "members*"));
        all.addAll(REDIS.template().keys(RedisKeys.PREFIX + "agent*"));
        all.add(RedisKeys.TASK_STATUS_STREAM);
        return all;
    }

    private static List<String> ids(JsonNode apps) {
        return StreamSupport.stream(apps.path("apps").spliterator(), false).map(a -> a.path("id").asString())
                .filter(id -> id.startsWith("/filters")).toList();
    }

    /** A change while a deployment holds the app is a 409 (as in Marathon): wait for it, as a pipeline does. */
    private void awaitNoDeployment(String app) {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/v2/apps" + app).path("app").path("deployments").isEmpty());
    }

    private Http.Response post(String body) {
        return Http.send("POST", url(ApiPaths.V2_APPS), body);
    }

    private JsonNode get(String path) {
        Http.Response response = Http.get(url(path));
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
