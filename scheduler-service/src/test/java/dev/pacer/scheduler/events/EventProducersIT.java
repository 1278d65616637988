package dev.pacer.scheduler.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.Resources;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Range;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheduler's producers through its real API on real Redis with a fake agent: an app's life
 * (create, tasks running, deployment steps, delete) and a group change, read back from the stream.
 */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.scheduler.reconcile.declined-retry=500ms"})
@DirtiesContext
class EventProducersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static FakeAgent agent;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        REDIS.flushPacerKeys();
        agent = FakeAgent.start("events-a", "a", TestRedis.url(), new Resources(8, 8192, 10_000));
    }

    @AfterAll
    static void stop() {
        agent.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void anAppsLife_isOnTheStream_inMarathonsShapes_eachUnder4KiB() {
        Http.Response created = Http.send("POST", url("/v2/apps"), "{\"id\":\"/ev/web\",\"cmd\":\"serve\",\"instances\":1,\"cpus\":0.1}");
        assertThat(created.status()).isEqualTo(201);
        String version = JSON.readTree(created.body()).path("version").asString();
        String deployment = created.header("Marathon-Deployment-Id");

        await().atMost(Duration.ofSeconds(15)).until(() -> has("deployment_success", "/ev/web"));
        JsonNode post = first("api_post_event", "/ev/web");
        assertThat(post.path("uri").asString()).isEqualTo("/v2/apps");
        assertThat(post.path("clientIp").asString()).isNotEmpty();
        assertThat(post.path("appDefinition").path("id").asString()).isEqualTo("/ev/web");
        assertThat(post.path("appDefinition").path("version").asString()).isEqualTo(version);
        JsonNode info = first("deployment_info", "/ev/web");
        assertThat(info.path("plan").path("id").asString()).isEqualTo(deployment);
        assertThat(info.path("plan").path("version").asString()).isEqualTo(version);
        assertThat(info.path("plan").path("target").path("version").asString()).isEqualTo(version);
        assertThat(info.path("plan").path("original").path("id").asString()).isEqualTo("/");
        assertThat(info.path("plan").path("steps").get(0).path("actions").get(0).path("action").asString()).isEqualTo("StartApplication");
        assertThat(info.path("currentStep").path("actions").get(0).path("app").asString()).isEqualTo("/ev/web");
        assertThat(first("deployment_step_success", "/ev/web").path("plan").path("id").asString()).isEqualTo(deployment);
        assertThat(first("deployment_success", "/ev/web").path("id").asString()).isEqualTo(deployment);
        JsonNode running = events("status_update_event", "/ev/web").stream()
                .filter(e -> e.path("taskStatus").asString().equals("TASK_RUNNING")).findFirst().orElseThrow();
        assertThat(running.path("appId").asString()).isEqualTo("/ev/web");
        assertThat(running.path("slaveId").asString()).isEqualTo("events-a");
        assertThat(running.path("version").asString()).isEqualTo(version);
        assertThat(running.path("taskId").asString()).startsWith("ev_web.");
        assertThat(events("instance_changed_event", "/ev/web")).anySatisfy(e -> {
            assertThat(e.path("condition").asString()).isEqualTo("Running");
            assertThat(e.path("instanceId").asString()).isEqualTo(running.path("taskId").asString());
            assertThat(e.path("runSpecId").asString()).isEqualTo("/ev/web");
        });

        assertThat(Http.send("DELETE", url("/v2/apps/ev/web"), "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> has("app_terminated_event", "/ev/web"));
        assertThat(first("app_terminated_event", "/ev/web").path("appId").asString()).isEqualTo("/ev/web");

        assertThat(Http.send("POST", url("/v2/groups"), "{\"id\":\"/evg\",\"apps\":[{\"id\":\"a\",\"cmd\":\"serve\",\"instances\":0}]}")
                .status()).isEqualTo(201);
        JsonNode group = first("group_change_success", "/evg");
        assertThat(group.path("groupId").asString()).isEqualTo("/evg");
        assertThat(group.path("version").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        for (Map<Object, Object> entry : entries()) {
            String event = (String) entry.get(RedisKeys.EVENT_FIELD);
            assertThat(event.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RedisKeys.EVENT_MAX_BYTES);
            JsonNode json = JSON.readTree(event);
            assertThat(json.path("eventType").asString()).isEqualTo(entry.get(RedisKeys.EVENT_TYPE_FIELD));
            assertThat(json.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    private boolean has(String type, String app) {
        return !events(type, app).isEmpty();
    }

    private JsonNode first(String type, String app) {
        List<JsonNode> found = events(type, app);
        assertThat(found).as(type + " of " + app).isNotEmpty();
        return found.get(0);
    }

    private List<JsonNode> events(String type, String app) {
        return entries().stream()
                .filter(e -> type.equals(e.get(RedisKeys.EVENT_TYPE_FIELD)) && List.of(((String) e.get(RedisKeys.EVENT_APPS_FIELD)).split(",")).contains(app))
                .map(e -> JSON.readTree((String) e.get(RedisKeys.EVENT_FIELD))).toList();
    }

    private List<Map<Object, Object>> entries() {
        return REDIS.template().opsForStream().range(RedisKeys.EVENT_STREAM, Range.unbounded()).stream()
                .map(r -> r.getValue()).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
