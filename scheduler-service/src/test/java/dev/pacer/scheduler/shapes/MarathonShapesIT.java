package dev.pacer.scheduler.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.FakeAgentPair;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import tools.jackson.databind.node.ObjectNode;

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
    private static FakeAgentPair agents;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        agents = FakeAgentPair.start(REDIS, "shape");
    }

    @AfterAll
    static void stopAgents() {
        agents.close();
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

        assertThat(StreamSupport.stream(get("/v2/apps/shape/*/tasks").path("tasks").spliterator(), false)
                .filter(t -> t.path("appId").asString().equals("/shape/checked")).count()).as("every task under the group").isEqualTo(2);
        List<JsonNode> answers = List.of(get("/v2/apps/shape/checked"), get("/v2/apps/shape/checked/tasks"), get("/v2/apps/shape/*/tasks"),
                get("/v2/apps?embed=apps.tasks"), get("/v2/tasks"), get("/v2/apps/shape/*"),
                get("/v2/groups/shape?embed=group.apps.tasks"));
        for (JsonNode answer : answers) {
            assertThat(keysNamed(answer, "agentId")).as(answer.toString()).isZero();
            assertMarathonTimes(answer);
        }
        List<JsonNode> tasks = new ArrayList<>();
        get("/v2/apps/shape/checked/tasks").path("tasks").forEach(tasks::add);
        get("/v2/apps/shape/checked").path("app").path("tasks").forEach(tasks::add);
        JsonNode inGroup = StreamSupport.stream(get("/v2/groups/shape?embed=group.apps.tasks").path("apps").spliterator(), false)
                .filter(a -> a.path("id").asString().equals("/shape/checked")).findFirst().orElseThrow();
        assertThat(inGroup.path("tasksRunning").asInt()).isEqualTo(2);
        inGroup.path("tasks").forEach(tasks::add);
        assertThat(get("/v2/groups/shape").path("apps").get(0).has("tasks")).as("no embed: definitions only").isFalse();
        assertThat(tasks).hasSize(6).allSatisfy(task -> {
            assertThat(names(task)).isSubsetOf(TASK_KEYS).contains("id", "appId", "host", "slaveId", "state", "role");
            assertThat(task.path("slaveId").asString()).startsWith("shape-");
            JsonNode health = task.path("healthCheckResults").get(0);
            assertThat(names(health)).isSubsetOf(HEALTH_KEYS).contains("alive", "consecutiveFailures", "instanceId");
            assertThat(health.path("firstSuccess").asString()).isEqualTo("2026-12-02T15:16:25.476Z");
            assertThat(health.path("instanceId").asString()).contains(".instance-").doesNotContain("._app");
        });
        int servicePort = get("/v2/apps/shape/checked").path("app").path("portDefinitions").get(0).path("port").asInt();
        assertThat(StreamSupport.stream(get("/v2/tasks").path("tasks").spliterator(), false)
                .filter(t -> t.path("appId").asString().equals("/shape/checked")).toList()).hasSize(2)
                .allSatisfy(t -> assertThat(t.path("servicePorts").get(0).asInt()).as("/v2/tasks fills servicePorts").isEqualTo(servicePort));
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

    /** Item 11: {@code /v2/plugins} lists none (Pacer loads no Marathon plugins); every group has a version. */
    @Test
    void plugins_areAnEmptyList_andEveryGroupHasAVersion() {
        assertThat(get("/v2/plugins").toString()).isEqualTo("{\"plugins\":[]}");
        Http.Response plugin = Http.get(url("/v2/plugins/auth/x"));
        assertThat(plugin.status()).isEqualTo(404);
        assertThat(plugin.body()).isEqualTo("{\"message\":\"No plugin with this pluginId: auth\"}");

        post("{\"id\":\"/shape/versioned/deep/web\",\"cmd\":\"x\",\"instances\":0}");
        JsonNode root = get("/v2/groups");
        assertThat(root.path("version").asString()).matches(MARATHON_TIME);
        List<JsonNode> groups = new ArrayList<>();
        collectGroups(root, groups);
        assertThat(groups).hasSizeGreaterThan(3).allSatisfy(g -> assertThat(g.path("version").asString()).as(g.path("id").asString())
                .matches(MARATHON_TIME));
    }

    static void collectGroups(JsonNode group, List<JsonNode> into) {
        into.add(group);
        group.path("groups").forEach(g -> collectGroups(g, into));
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

    /**
     * Item 4: Marathon's code defaults {@code force} to true for an app DELETE: a deployment in progress
     * does not hold it (an explicit {@code force=false}, which the Python client always sends, is Marathon's 409).
     */
    @Test
    void deletingAnAppDuringItsDeployment_isForcedByDefault_anExplicitFalseIs409() {
        for (String app : List.of("/shape/stuck1", "/shape/stuck2")) {
            // an HTTP check no one answers: the deployment waits for healthy tasks
            post("{\"id\":\"" + app + "\",\"cmd\":\"x\",\"cpus\":0.1,\"instances\":1,\"healthChecks\":[{\"protocol\":\"HTTP\"}]}");
            assertThat(get("/v2/apps" + app).path("app").path("deployments").size()).isEqualTo(1);
        }

        Http.Response explicit = Http.send("DELETE", url("/v2/apps/shape/stuck1?force=False"), null);
        assertThat(explicit.status()).isEqualTo(409);
        assertThat(JSON.readTree(explicit.body()).path("deployments").get(0).path("id").asString()).isNotBlank();

        for (String path : List.of("/v2/apps/shape/stuck1", "/v2/apps//shape/stuck2")) {
            Http.Response deleted = Http.send("DELETE", url(path), null);
            assertThat(deleted.status()).as(path).isEqualTo(200);
            assertThat(JSON.readTree(deleted.body()).path("deploymentId").asString()).isEqualTo(deleted.header("Marathon-Deployment-Id"));
            assertThat(Http.get(url(path)).status()).isEqualTo(404);
        }
    }

    /**
     * Item 5: a group read back from the API, one app's {@code cmd} changed, PUT back with every answer field
     * (versions, counts, deployments, tasks): only the changed app restarts, the other keeps its tasks.
     */
    @Test
    void aGroupReadBackAndPutWithOneChange_restartsOnlyThatApp() {
        Http.Response created = Http.send("POST", url("/v2/groups"), "{\"id\":\"/shape/rt\",\"apps\":["
                + "{\"id\":\"a\",\"cmd\":\"serve a\",\"cpus\":0.1,\"instances\":1},"
                + "{\"id\":\"b\",\"cmd\":\"serve b\",\"cpus\":0.1,\"instances\":2}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskIds("/shape/rt/a").size() == 1 && taskIds("/shape/rt/b").size() == 2
                && get("/v2/deployments").isEmpty());
        Set<String> bTasks = taskIds("/shape/rt/b");
        Set<String> aTasks = taskIds("/shape/rt/a");
        String bVersion = get("/v2/apps/shape/rt/b").path("app").path("version").asString();

        ObjectNode group = (ObjectNode) get("/v2/groups/shape/rt");
        for (JsonNode app : group.path("apps")) {
            // what a client that read the apps also holds: every answer-only field of AppInfo
            JsonNode info = get("/v2/apps" + app.path("id").asString()).path("app");
            for (String field : List.of("tasksRunning", "tasksStaged", "tasksHealthy", "tasksUnhealthy", "deployments", "tasks")) {
                ((ObjectNode) app).set(field, info.path(field));
            }
            if (app.path("id").asString().equals("/shape/rt/a")) {
                ((ObjectNode) app).put("cmd", "serve a --v2");
            }
        }
        Http.Response put = Http.send("PUT", url("/v2/groups/shape/rt"), group.toString());

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> taskIds("/shape/rt/a").size() == 1
                && !taskIds("/shape/rt/a").equals(aTasks) && get("/v2/deployments").isEmpty());
        assertThat(taskIds("/shape/rt/b")).isEqualTo(bTasks);
        assertThat(get("/v2/apps/shape/rt/b").path("app").path("version").asString()).isEqualTo(bVersion);
        assertThat(get("/v2/apps/shape/rt/a").path("app").path("cmd").asString()).isEqualTo("serve a --v2");
    }

    /** Item 5: an app PUT back unchanged (answer fields included) is a deployment that restarts nothing. */
    @Test
    void anAppPutBackUnchanged_restartsNothing_andKeepsItsVersion() {
        post("{\"id\":\"/shape/same\",\"cmd\":\"serve\",\"cpus\":0.1,\"instances\":2}");
        await().atMost(Duration.ofSeconds(10)).until(() -> taskIds("/shape/same").size() == 2
                && get("/v2/apps/shape/same").path("app").path("deployments").isEmpty());
        Set<String> before = taskIds("/shape/same");
        ObjectNode app = (ObjectNode) get("/v2/apps/shape/same").path("app");
        String version = app.path("version").asString();
        app.remove("version");   // Marathon's rule: version only alone (a rollback); clients drop it
        for (String query : List.of("", "?partialUpdate=false")) {
            Http.Response put = Http.send("PUT", url("/v2/apps/shape/same" + query), app.toString());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            assertThat(JSON.readTree(put.body()).path("deploymentId").asString()).isNotBlank();
        }
        Http.Response bulk = Http.send("PUT", url("/v2/apps"), "[" + app + "]");
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        String nothing = JSON.readTree(bulk.body()).path("deploymentId").asString();
        assertThat(StreamSupport.stream(get("/v2/deployments").spliterator(), false).map(d -> d.path("id").asString()))
                .as("a plan without a step finishes at once").doesNotContain(nothing);
        Http.Response emptyGroup = Http.send("POST", url("/v2/groups"), "{\"id\":\"/shape/empty\"}");
        assertThat(emptyGroup.status()).as(emptyGroup.body()).isEqualTo(201);
        assertThat(get("/v2/deployments").toString()).doesNotContain(JSON.readTree(emptyGroup.body()).path("deploymentId").asString());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> taskIds("/shape/same").equals(before));
        assertThat(get("/v2/apps/shape/same").path("app").path("version").asString()).isEqualTo(version);
        assertThat(get("/v2/apps/shape/same/versions").path("versions").size()).isEqualTo(1);
    }

    /** Item 8: the {@code pacer} object is echoed to the client that sent it, shown to one that asks, hidden from others. */
    @Test
    void thePacerObject_isEchoedWhenSent_shownWithEmbedPacer_andLeftOutOfEveryOtherAnswer() {
        Http.Response created = post("{\"id\":\"/shape/ext/web\",\"cmd\":\"x\",\"instances\":0,"
                + "\"pacer\":{\"autoRevert\":{\"deadlineSeconds\":60}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("pacer").path("autoRevert").path("deadlineSeconds").asInt()).isEqualTo(60);
        String version = JSON.readTree(created.body()).path("version").asString();

        List<JsonNode> plain = List.of(get("/v2/apps/shape/ext/web").path("app"), get("/v2/apps/shape/ext/web/versions/" + version),
                get("/v2/groups/shape/ext").path("apps").get(0), appIn(get("/v2/apps"), "/shape/ext/web"),
                get("/v2/apps/shape/ext/*").path("*").get(0), get("/v2/groups/shape/ext/apps").get(0));
        assertThat(plain).allSatisfy(app -> assertThat(app.has("pacer")).as(app.toString()).isFalse());
        List<JsonNode> asked = List.of(get("/v2/apps/shape/ext/web?embed=pacer").path("app"),
                get("/v2/apps/shape/ext/web/versions/" + version + "?embed=pacer"),
                get("/v2/groups/shape/ext?embed=pacer").path("apps").get(0), appIn(get("/v2/apps?embed=pacer"), "/shape/ext/web"),
                get("/v2/apps/shape/ext/*?embed=app.pacer").path("*").get(0));
        assertThat(asked).allSatisfy(app -> assertThat(app.path("pacer").path("autoRevert").path("deadlineSeconds").asInt()).isEqualTo(60));
        assertThat(post("{\"id\":\"/shape/ext/plain\",\"cmd\":\"x\",\"instances\":0}").body()).doesNotContain("pacer");
    }

    /** Item 8: the extensions as labels: a canary set with {@code PACER_CANARY_INSTANCES} pauses the rollout. */
    @Test
    void pacerLabels_setTheExtensions_aCanaryLabelPausesAConfigChange_andABadValueIs422() {
        post("{\"id\":\"/shape/labels/web\",\"cmd\":\"v1\",\"cpus\":0.1,\"instances\":2,\"labels\":{\"PACER_CANARY_INSTANCES\":\"1\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> taskIds("/shape/labels/web").size() == 2
                && get("/v2/apps/shape/labels/web").path("app").path("deployments").isEmpty());

        Http.Response change = Http.send("PUT", url("/v2/apps/shape/labels/web"), "{\"cmd\":\"v2\"}");
        String id = change.header("Marathon-Deployment-Id");

        await().atMost(Duration.ofSeconds(10)).until(() -> taskIds("/shape/labels/web").size() == 3);
        JsonNode withPacer = StreamSupport.stream(get("/v2/deployments?embed=pacer").spliterator(), false)
                .filter(d -> d.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(withPacer.path("pacer").path("phase").asString()).isEqualTo("canary");
        JsonNode marathon = StreamSupport.stream(get("/v2/deployments").spliterator(), false)
                .filter(d -> d.path("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(names(marathon)).containsExactlyInAnyOrder("id", "version", "affectedApps", "affectedPods", "steps",
                "currentActions", "currentStep", "totalSteps");
        assertThat(marathon.path("steps").get(0).path("actions").get(0).has("type")).isFalse();
        assertThat(Http.send("POST", url("/v2/deployments/" + id + "/promote"), "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/v2/apps/shape/labels/web").path("app").path("deployments").isEmpty());

        Http.Response bad = post("{\"id\":\"/shape/labels/bad\",\"cmd\":\"x\",\"labels\":{\"PACER_CANARY_INSTANCES\":\"one\","
                + "\"PACER_AUTO_REVERT_DEADLINE_SECONDS\":\"0\"}}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("/labels/PACER_CANARY_INSTANCES", "/labels/PACER_AUTO_REVERT_DEADLINE_SECONDS");
    }

    static JsonNode appIn(JsonNode list, String id) {
        return StreamSupport.stream(list.path("apps").spliterator(), false).filter(a -> a.path("id").asString().equals(id))
                .findFirst().orElseThrow();
    }

    /** Item 11: {@code lastTaskFailure} on the single-app GET (Marathon always embeds it there), in lists when asked. */
    @Test
    void aTaskThatFailed_isTheAppsLastTaskFailure_untilTheAppIsDeleted() {
        post("{\"id\":\"/shape/failing\",\"cmd\":\"crash\",\"cpus\":0.1,\"instances\":1,\"backoffSeconds\":60}");
        await().atMost(Duration.ofSeconds(10)).until(() -> taskIds("/shape/failing").size() == 1
                && "TASK_RUNNING".equals(get("/v2/apps/shape/failing/tasks").path("tasks").get(0).path("state").asString()));
        assertThat(get("/v2/apps/shape/failing").path("app").has("lastTaskFailure")).isFalse();
        String taskId = taskIds("/shape/failing").iterator().next();

        agents.running(taskId).exit(taskId, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/v2/apps/shape/failing").path("app").has("lastTaskFailure"));
        JsonNode failure = get("/v2/apps/shape/failing").path("app").path("lastTaskFailure");
        assertThat(names(failure)).isSubsetOf("appId", "host", "message", "state", "taskId", "timestamp", "version", "slaveId")
                .contains("appId", "host", "message", "state", "taskId", "timestamp", "version");
        assertThat(failure.path("taskId").asString()).isEqualTo(taskId);
        assertThat(failure.path("state").asString()).isEqualTo("TASK_FAILED");
        assertThat(failure.path("slaveId").asString()).startsWith("shape-");
        assertMarathonTimes(failure);
        assertThat(appIn(get("/v2/apps"), "/shape/failing").has("lastTaskFailure")).isFalse();
        assertThat(appIn(get("/v2/apps?embed=apps.lastTaskFailure"), "/shape/failing").path("lastTaskFailure").path("taskId").asString())
                .isEqualTo(taskId);

        assertThat(Http.send("DELETE", url("/v2/apps/shape/failing"), null).status()).isEqualTo(200);
        // created again once the delete's deployment let go of it
        await().atMost(Duration.ofSeconds(10)).until(() -> post("{\"id\":\"/shape/failing\",\"cmd\":\"x\",\"instances\":0}").status() == 201);
        assertThat(get("/v2/apps/shape/failing").path("app").has("lastTaskFailure")).as("deleted with the app").isFalse();
    }

    Set<String> taskIds(String app) {
        Set<String> ids = new TreeSet<>();
        get("/v2/apps" + app + "/tasks").path("tasks").forEach(t -> ids.add(t.path("id").asString()));
        return ids;
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
