package dev.pacer.scheduler.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.agent.Resources;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.HealthSimulator;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import mesosphere.marathon.client.Marathon;
import mesosphere.marathon.client.MarathonClient;
import mesosphere.marathon.client.MarathonException;
import mesosphere.marathon.client.model.v2.App;
import mesosphere.marathon.client.model.v2.Deployment;
import mesosphere.marathon.client.model.v2.Group;
import mesosphere.marathon.client.model.v2.HealthCheck;
import mesosphere.marathon.client.model.v2.Result;
import org.assertj.core.api.Assertions;
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

/** Groups through the real API (and the real Marathon Java client) of one scheduler, on fake agents. */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.scheduler.reconcile.declined-retry=500ms"})
@DirtiesContext
class GroupsApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static final String CHECKED = ",\"healthChecks\":[{\"protocol\":\"HTTP\",\"portIndex\":0}]";
    private static FakeAgent agent;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        REDIS.flushPacerKeys();
        agent = FakeAgent.start("groups-a", "a", TestRedis.url(), new Resources(16, 16384, 100_000));
    }

    @AfterAll
    static void stopAgents() {
        agent.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    private static final String SHOP = """
            {"apps":[{"id":"db","cmd":"db","instances":1%s},
                     {"id":"web","cmd":"web","instances":2,"dependencies":["/shop/db"]}],
             "groups":[{"id":"api","apps":[{"id":"svc","cmd":"svc","instances":1}]}]}
            """.formatted(CHECKED);

    @Test
    void aGroupIsOneDeployment_inDependencyOrder_andCanBeScaledRolledBackAndDeleted() {
        Http.Response dry = send("PUT", "/v2/groups/shop?dryRun=true", SHOP);
        assertThat(dry.status()).isEqualTo(200);
        JsonNode steps = JSON.readTree(dry.body()).path("steps");
        assertThat(steps.size()).isEqualTo(2);
        assertThat(apps(steps.get(0))).containsExactly("/shop/api/svc", "/shop/db");
        assertThat(apps(steps.get(1))).containsExactly("/shop/web");
        assertThat(Http.get(url("/v2/groups/shop")).status()).as("a dry run changes nothing").isEqualTo(404);

        try (HealthSimulator health = new HealthSimulator(REDIS.template(), url(""), "/shop/db", Duration.ZERO)) {
            health.failAll();
            Http.Response put = send("PUT", "/v2/groups/shop", SHOP);
            assertThat(put.status()).isEqualTo(200);
            String id = put.header("Marathon-Deployment-Id");
            JsonNode deployment = deployment(id);
            assertThat(deployment.path("totalSteps").asInt()).isEqualTo(2);
            assertThat(deployment.path("affectedApps")).hasSize(3);
            // db never healthy: web waits for it and is not even stored as current yet
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    deployment(id) != null && deployment(id).path("currentStep").asInt() == 1);
            assertThat(Http.get(url("/v2/apps/shop/web")).status()).isEqualTo(404);

            health.healAll();
            await().atMost(Duration.ofSeconds(15)).until(() -> deployment(id) == null);
            assertThat(app("/shop/web").path("tasksRunning").asInt()).isEqualTo(2);
            scaleAndRollBack();
        }
        removeAndDelete();
    }

    private void scaleAndRollBack() {
        assertThat(app("/shop/api/svc").path("tasksRunning").asInt()).isEqualTo(1);

        JsonNode shop = JSON.readTree(Http.get(url("/v2/groups//shop")).body());
        assertThat(ids(shop.path("apps"))).containsExactlyInAnyOrder("/shop/db", "/shop/web");
        assertThat(shop.path("groups").get(0).path("id").asString()).isEqualTo("/shop/api");
        assertThat(ids(shop.path("groups").get(0).path("apps"))).containsExactly("/shop/api/svc");
        JsonNode root = JSON.readTree(Http.get(url("/v2/groups?embed=group.groups")).body());
        assertThat(root.path("id").asString()).isEqualTo("/");
        assertThat(root.path("apps")).isEmpty();
        assertThat(ids(root.path("groups"))).contains("/shop");

        Http.Response scale = send("PUT", "/v2/groups/shop", "{\"scaleBy\":1.5}");
        assertThat(scale.status()).isEqualTo(200);
        assertThat(app("/shop/db").path("instances").asInt()).isEqualTo(2);
        // web scales in the step after db, which it depends on
        await().atMost(Duration.ofSeconds(15)).until(() -> deployment(scale.header("Marathon-Deployment-Id")) == null);
        assertThat(app("/shop/web").path("instances").asInt()).isEqualTo(3);

        List<String> versions = StreamSupport.stream(JSON.readTree(Http.get(url("/v2/groups/shop/versions")).body()).spliterator(), false)
                .map(JsonNode::asString).toList();
        assertThat(versions).hasSize(2);
        JsonNode first = JSON.readTree(Http.get(url("/v2/groups/shop/versions/" + versions.get(1))).body());
        assertThat(StreamSupport.stream(first.path("apps").spliterator(), false)
                .filter(a -> a.path("id").asString().equals("/shop/web")).findFirst().orElseThrow().path("instances").asInt()).isEqualTo(2);
        Http.Response rollback = send("PUT", "/v2/groups/shop?force=true", "{\"version\":\"" + versions.get(1) + "\"}");
        assertThat(rollback.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> deployment(rollback.header("Marathon-Deployment-Id")) == null);
        assertThat(app("/shop/web").path("instances").asInt()).isEqualTo(2);
        assertThat(app("/shop/db").path("instances").asInt()).isEqualTo(1);
        // each app keeps its own versions too
        assertThat(JSON.readTree(Http.get(url("/v2/apps/shop/web/versions")).body()).path("versions").size()).isEqualTo(3);
    }

    private void removeAndDelete() {

        Http.Response removed = send("PUT", "/v2/groups/shop?force=true", "{\"apps\":[{\"id\":\"db\",\"cmd\":\"db\",\"instances\":1" + CHECKED + "}]}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(Http.get(url("/v2/apps/shop/web")).status()).as("an app left out of the group is stopped").isEqualTo(404);
        assertThat(Http.get(url("/v2/apps/shop/api/svc")).status()).as("groups not given are kept").isEqualTo(200);

        assertThat(send("DELETE", "/v2/groups/shop?force=true", "").status()).isEqualTo(200);
        Http.Response gone = Http.get(url("/v2/groups/shop"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"message\":\"Group '/shop' does not exist\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.running().stream().noneMatch(t -> t.appId().startsWith("/shop")));
    }

    @Test
    void badGroups_are422AndChangeNothing() {
        Http.Response cyclic = send("PUT", "/v2/groups/cyc", """
                {"apps":[{"id":"a","cmd":"a","dependencies":["/cyc/b"]},{"id":"b","cmd":"b","dependencies":["/cyc/a"]}]}""");
        assertThat(cyclic.status()).isEqualTo(422);
        assertThat(cyclic.body()).contains("Dependency graph has cyclic dependencies.");
        Http.Response stranger = send("PUT", "/v2/groups/g1", "{\"apps\":[{\"id\":\"/elsewhere/x\",\"cmd\":\"x\"}]}");
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.body()).contains("/apps(0)/id").contains("is not child of /g1. Hint: use relative paths.");
        Http.Response invalid = send("PUT", "/v2/groups/g2", "{\"apps\":[{\"id\":\"x\",\"cmd\":\"x\",\"instances\":-1}]}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("/apps(0)/instances");
        assertThat(Http.get(url("/v2/groups/cyc")).status()).isEqualTo(404);
        assertThat(Http.get(url("/v2/groups/g2")).status()).isEqualTo(404);
        assertThat(send("POST", "/v2/groups", "{\"id\":\"made\"}").status()).isEqualTo(201);
        Http.Response again = send("POST", "/v2/groups", "{\"id\":\"made\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Group /made is already created. Use PUT to change this group.");
    }

    @Test
    void theMarathonJavaClient_managesGroupsAndDeployments() throws Exception {
        Marathon marathon = MarathonClient.getInstance(url(""));
        Group group = new Group();
        group.setId("/client");
        App app = new App();
        app.setId("/client/slow");
        app.setCmd("serve");
        app.setInstances(1);
        group.setApps(List.of(app));
        Result created = marathon.createGroup(group);
        assertThat(created.getDeploymentId()).isNotBlank();

        Group fetched = marathon.getGroup("/client");
        assertThat(fetched.getApps()).extracting(App::getId).containsExactly("/client/slow");
        await().atMost(Duration.ofSeconds(10)).until(() -> marathon.getDeployments().stream()
                .noneMatch(d -> d.getId().equals(created.getDeploymentId())));

        // a change that never becomes healthy stays a running deployment the client can see and cancel
        App checked = new App();
        checked.setId("/client/slow");
        checked.setCmd("serve v2");
        checked.setInstances(1);
        HealthCheck check = new HealthCheck();
        check.setProtocol("HTTP");
        check.setPortIndex(0);
        checked.setHealthChecks(List.of(check));
        fetched.setApps(List.of(checked));
        Result updated = marathon.updateGroup("/client", true, fetched);
        List<Deployment> running = marathon.getDeployments();
        Deployment deployment = running.stream().filter(d -> d.getId().equals(updated.getDeploymentId())).findFirst().orElseThrow();
        assertThat(deployment.getAffectedApps()).containsExactly("/client/slow");
        // Marathon 1.3+ writes the action as "action", which this client (written for 1.1's "type") does not read
        assertThat(deployment.getSteps().get(0).getActions().get(0).getType()).isNull();
        assertThat(deployment.getSteps().get(0).getActions().get(0).getApp()).isEqualTo("/client/slow");

        Result rollback = marathon.cancelDeploymentAndRollback(updated.getDeploymentId());
        assertThat(rollback.getDeploymentId()).isNotEqualTo(updated.getDeploymentId());
        await().atMost(Duration.ofSeconds(10)).until(() -> marathon.getApp("/client/slow").getApp().getCmd().equals("serve"));

        Result again = marathon.updateGroup("/client", true, fetched);
        marathon.cancelDeployment(again.getDeploymentId());
        assertThat(marathon.getDeployments()).noneMatch(d -> d.getId().equals(again.getDeploymentId()));

        marathon.deleteGroup("/client", true);
        try {
            marathon.getGroup("/client");
            Assertions.fail("the group was deleted");
        } catch (MarathonException e) {
            assertThat(e.getStatus()).isEqualTo(404);
        }
    }

    private static List<String> apps(JsonNode step) {
        return StreamSupport.stream(step.path("actions").spliterator(), false).map(a -> a.path("app").asString()).toList();
    }

    private static List<String> ids(JsonNode apps) {
        return StreamSupport.stream(apps.spliterator(), false).map(a -> a.path("id").asString()).toList();
    }

    private JsonNode deployment(String id) {
        return StreamSupport.stream(JSON.readTree(Http.get(url("/v2/deployments")).body()).spliterator(), false)
                .filter(d -> d.path("id").asString().equals(id)).findFirst().orElse(null);
    }

    private JsonNode app(String id) {
        return JSON.readTree(Http.get(url("/v2/apps" + id)).body()).path("app");
    }

    private Http.Response send(String method, String path, String body) {
        return Http.send(method, url(path), body);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
