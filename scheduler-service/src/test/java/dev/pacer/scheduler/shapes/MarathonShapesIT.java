package dev.pacer.scheduler.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
 * Marathon's exact shapes on one real scheduler (real port, real Redis, two fake agents): what a strict
 * client (the Python {@code marathon} package turns every key into a constructor argument) reads.
 */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.scheduler.reconcile.declined-retry=500ms"})
@DirtiesContext
class MarathonShapesIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Marathon's one timestamp form: UTC with exactly three fraction digits. */
    static final Pattern MARATHON_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    static final Pattern ANY_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*");
    static final Set<String> TASK_KEYS = Set.of("id", "appId", "host", "slaveId", "state", "stagedAt", "startedAt",
            "version", "ports", "servicePorts", "ipAddresses", "healthCheckResults", "checkResult", "localVolumes",
            "region", "zone", "role");
    static final Set<String> HEALTH_KEYS = Set.of("alive", "consecutiveFailures", "firstSuccess", "instanceId",
            "lastSuccess", "lastFailure", "lastFailureCause");

    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static FakeAgent agentA;
    private static FakeAgent agentB;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        REDIS.flushPacerKeys();
        agentA = FakeAgent.start("shape-a", "a", TestRedis.url(), new Resources(4, 4096, 10_000));
        agentB = FakeAgent.start("shape-b", "b", TestRedis.url(), new Resources(4, 4096, 10_000));
    }

    @AfterAll
    static void stopAgents() {
        agentA.close();
        agentB.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    /** Item 3: {@code slaveId} only, Marathon's health keys only, milliseconds everywhere. */
    @Test
    void tasks_carrySlaveIdOnly_marathonsHealthKeys_andMillisecondTimestamps_inEveryAnswer() {
        post("{\"id\":\"/shape/checked\",\"cmd\":\"serve\",\"cpus\":0.1,\"instances\":2,"
                + "\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/health\"}]}");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/v2/apps/shape/checked/tasks").path("tasks").size() == 2
                && StreamSupport.stream(get("/v2/apps/shape/checked/tasks").path("tasks").spliterator(), false)
                        .allMatch(t -> t.hasNonNull("startedAt")));
        for (JsonNode task : get("/v2/apps/shape/checked/tasks").path("tasks")) {
            String id = task.path("id").asString();
            // what health-service writes: ISO-8601 with nanoseconds
            HealthResult result = new HealthResult(id, id.substring(0, id.indexOf("._app")), 0, task.path("version").asString(),
                    true, 0, "2026-12-02T15:16:25.476374905Z", "2026-12-02T15:16:35.123456789Z", null, null);
            REDIS.template().opsForHash().put(HealthKeys.taskHealth(AppId.parse("/shape/checked")), HealthKeys.field(id, 0),
                    JSON.writeValueAsString(result));
        }

        List<JsonNode> answers = List.of(get("/v2/apps/shape/checked"), get("/v2/apps/shape/checked/tasks"),
                get("/v2/apps?embed=apps.tasks"), get("/v2/tasks"), get("/v2/apps/shape/*"),
                get("/v2/groups/shape?embed=group.apps.tasks"));
        for (JsonNode answer : answers) {
            assertThat(keysNamed(answer, "agentId")).as(answer.toString()).isZero();
            assertMarathonTimes(answer);
        }
        List<JsonNode> tasks = new ArrayList<>();
        get("/v2/apps/shape/checked/tasks").path("tasks").forEach(tasks::add);
        get("/v2/apps/shape/checked").path("app").path("tasks").forEach(tasks::add);
        assertThat(tasks).hasSize(4).allSatisfy(task -> {
            assertThat(names(task)).isSubsetOf(TASK_KEYS).contains("id", "appId", "host", "slaveId", "state", "role");
            assertThat(task.path("slaveId").asString()).startsWith("shape-");
            JsonNode health = task.path("healthCheckResults").get(0);
            assertThat(names(health)).isSubsetOf(HEALTH_KEYS).contains("alive", "consecutiveFailures", "instanceId");
            assertThat(health.path("firstSuccess").asString()).isEqualTo("2026-12-02T15:16:25.476Z");
            assertThat(health.path("instanceId").asString()).contains(".instance-").doesNotContain("._app");
        });
    }

    /** Item 6: {@code label=} is an empty selector: every app. */
    @Test
    void anEmptyLabelSelector_listsEveryApp() {
        post("{\"id\":\"/shape/labelled\",\"cmd\":\"x\",\"instances\":0,\"labels\":{\"a\":\"b\"}}");
        post("{\"id\":\"/shape/plain\",\"cmd\":\"x\",\"instances\":0}");

        Http.Response response = Http.get(url("/v2/apps?label="));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(ids(JSON.readTree(response.body()))).contains("/shape/labelled", "/shape/plain");
        assertThat(ids(get("/v2/apps?label=a==b"))).contains("/shape/labelled").doesNotContain("/shape/plain");
    }

    /** Item 9: pods are not supported: a JSON 501 on every method and sub-path, never Spring's 404. */
    @Test
    void pods_areAJson501_onEveryMethodAndPath() {
        for (String[] call : new String[][] {{"GET", "/v2/pods"}, {"POST", "/v2/pods"}, {"GET", "/v2/pods/web"},
                {"PUT", "/v2/pods/team/web"}, {"DELETE", "/v2/pods/team/web::instances/x"}, {"GET", "/v2/pods/::status"},
                {"GET", "/v2/pods::status"}}) {
            Http.Response response = Http.send(call[0], url(call[1]), call[0].equals("GET") || call[0].equals("DELETE") ? null : "{}");
            assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(501);
            assertThat(JSON.readTree(response.body()).path("message").asString()).as(call[1]).startsWith("Pods are not supported");
        }
    }

    /** Item 10: {@code 3.0} is 3, as Play reads it; {@code 3.5} is a 422. */
    @Test
    void anIntegralDouble_isAnInteger_butAFractionIs422() {
        Http.Response created = post("{\"id\":\"/shape/doubles\",\"cmd\":\"x\",\"instances\":2.0,\"cpus\":0.1,\"backoffSeconds\":3.0}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("instances").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(created.body()).path("instances").isIntegralNumber()).isTrue();

        Http.Response fraction = post("{\"id\":\"/shape/fraction\",\"cmd\":\"x\",\"instances\":3.5}");
        assertThat(fraction.status()).isEqualTo(422);
        assertThat(fraction.body()).contains("/instances");
        assertThat(Http.get(url("/v2/apps/shape/fraction")).status()).isEqualTo(404);
    }

    // ---- helpers

    static void assertMarathonTimes(JsonNode node) {
        if (node.isString() && ANY_TIME.matcher(node.asString()).matches()) {
            assertThat(node.asString()).matches(MARATHON_TIME);
        }
        node.forEach(MarathonShapesIT::assertMarathonTimes);
    }

    static int keysNamed(JsonNode node, String key) {
        int count = node.isObject() && node.has(key) ? 1 : 0;
        for (JsonNode child : node) {
            count += keysNamed(child, key);
        }
        return count;
    }

    static List<String> names(JsonNode node) {
        assertThat(node.isObject()).as(String.valueOf(node)).isTrue();
        return List.copyOf(node.propertyNames());
    }

    static List<String> ids(JsonNode apps) {
        return StreamSupport.stream(apps.path("apps").spliterator(), false).map(a -> a.path("id").asString()).toList();
    }

    Http.Response post(String body) {
        return Http.send("POST", url(ApiPaths.V2_APPS), body);
    }

    JsonNode get(String path) {
        Http.Response response = Http.get(url(path));
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

}
