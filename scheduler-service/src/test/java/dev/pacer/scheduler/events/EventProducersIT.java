package dev.pacer.scheduler.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.AgentTask;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * (create, tasks running, deployment steps, delete), a group change, health (results and transitions
 * written as health-service writes them), a refused group change and a cancelled deployment, read back
 * from the stream with Marathon's exact keys. The last test checks every event the others wrote.
 */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.scheduler.reconcile.declined-retry=500ms"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventProducersIT {

    private static final String CHECK = "{\"protocol\":\"HTTP\",\"path\":\"/health\",\"portIndex\":0,"
            + "\"gracePeriodSeconds\":0,\"intervalSeconds\":1,\"timeoutSeconds\":1,\"maxConsecutiveFailures\":2}";

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
    @Order(1)
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
        assertKeys(running, "slaveId", "taskId", "taskStatus", "message", "appId", "host", "ipAddresses", "ports", "version");
        // the fake agent registers "localhost": a name, never resolved, so no address
        assertThat(running.path("host").asString()).isEqualTo("localhost");
        assertThat(running.path("ipAddresses").isArray()).isTrue();
        assertThat(running.path("ipAddresses")).isEmpty();
        assertThat(events("instance_changed_event", "/ev/web")).anySatisfy(e -> {
            assertThat(e.path("condition").asString()).isEqualTo("Running");
            assertKeys(e, "instanceId", "condition", "runSpecId", "agentId", "host", "runSpecVersion");
            assertThat(e.path("instanceId").asString()).isEqualTo(TaskId.parse(running.path("taskId").asString()).instanceId());
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

    @Test
    @Order(2)
    void healthChecks_theirResultsAndKills_areOnTheStream() {
        Http.Response created = Http.send("POST", url("/v2/apps"),
                "{\"id\":\"/evh/web\",\"cmd\":\"serve\",\"instances\":1,\"cpus\":0.1,\"healthChecks\":[" + CHECK + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String version = JSON.readTree(created.body()).path("version").asString();
        JsonNode added = first("add_health_check_event", "/evh/web");
        assertKeys(added, "appId", "version", "healthCheck");
        assertThat(added.path("appId").asString()).isEqualTo("/evh/web");
        assertThat(added.path("version").asString()).isEqualTo(version);
        assertHttpCheck(added.path("healthCheck"));

        await().atMost(Duration.ofSeconds(15)).until(() -> runningOf("/evh/web").size() == 1);
        AgentTask task = runningOf("/evh/web").get(0);
        String instanceId = TaskId.parse(task.taskId()).instanceId();

        health("/evh/web", task, true, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> has("instance_health_changed_event", "/evh/web"));
        JsonNode alive = first("health_status_changed_event", "/evh/web");
        assertKeys(alive, "appId", "instanceId", "version", "alive");
        assertThat(alive.path("appId").asString()).isEqualTo("/evh/web");
        assertThat(alive.path("instanceId").asString()).isEqualTo(instanceId);
        assertThat(alive.path("version").asString()).isEqualTo(version);
        assertThat(alive.path("alive").asBoolean()).isTrue();
        JsonNode healthy = first("instance_health_changed_event", "/evh/web");
        assertKeys(healthy, "instanceId", "runSpecId", "runSpecVersion", "healthy");
        assertThat(healthy.path("instanceId").asString()).isEqualTo(instanceId);
        assertThat(healthy.path("runSpecId").asString()).isEqualTo("/evh/web");
        assertThat(healthy.path("runSpecVersion").asString()).isEqualTo(version);
        assertThat(healthy.path("healthy").isBoolean()).isTrue();
        assertThat(healthy.path("healthy").asBoolean()).isTrue();

        health("/evh/web", task, false, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> has("failed_health_check_event", "/evh/web"));
        JsonNode failed = first("failed_health_check_event", "/evh/web");
        assertKeys(failed, "appId", "taskId", "healthCheck");
        assertThat(failed.path("appId").asString()).isEqualTo("/evh/web");
        assertThat(failed.path("taskId").asString()).as("Marathon puts the instance id in taskId").isEqualTo(instanceId);
        assertHttpCheck(failed.path("healthCheck"));
        assertThat(events("health_status_changed_event", "/evh/web")).extracting(e -> e.path("alive").asBoolean()).containsExactly(true, false);
        assertThat(events("instance_health_changed_event", "/evh/web")).extracting(e -> e.path("healthy").asBoolean())
                .containsExactly(true, false);

        health("/evh/web", task, false, 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> has("unhealthy_instance_kill_event", "/evh/web"));
        JsonNode kill = first("unhealthy_instance_kill_event", "/evh/web");
        assertKeys(kill, "appId", "taskId", "instanceId", "version", "reason", "host", "slaveId");
        assertThat(kill.path("appId").asString()).isEqualTo("/evh/web");
        assertThat(kill.path("taskId").asString()).isEqualTo(task.taskId());
        assertThat(kill.path("instanceId").asString()).isEqualTo(instanceId);
        assertThat(kill.path("version").asString()).isEqualTo(version);
        assertThat(kill.path("reason").asString()).isNotBlank();
        assertThat(kill.path("host").asString()).isEqualTo("localhost");
        assertThat(kill.path("slaveId").asString()).isEqualTo("events-a");
        // the notice that the failures reached maxConsecutiveFailures is a failure too, not a change of health
        assertThat(events("failed_health_check_event", "/evh/web")).hasSize(2);
        assertThat(events("health_status_changed_event", "/evh/web")).hasSize(2);

        Http.Response changed = Http.send("PUT", url("/v2/apps/evh/web?force=true"), "{\"healthChecks\":[]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> has("remove_health_check_event", "/evh/web"));
        JsonNode removed = first("remove_health_check_event", "/evh/web");
        assertKeys(removed, "appId");
        assertThat(removed.path("appId").asString()).isEqualTo("/evh/web");
        assertThat(events("add_health_check_event", "/evh/web")).hasSize(1);
    }

    @Test
    @Order(3)
    void aRefusedGroupChange_andACancelledDeployment_areOnTheStream() {
        // more cpus than any agent has: the deployment cannot finish and holds the app
        Http.Response created = Http.send("POST", url("/v2/groups"),
                "{\"id\":\"/evf\",\"apps\":[{\"id\":\"a\",\"cmd\":\"serve\",\"instances\":1,\"cpus\":100}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String deployment = JSON.readTree(created.body()).path("deploymentId").asString();

        Http.Response refused = Http.send("PUT", url("/v2/groups/evf"),
                "{\"id\":\"/evf\",\"apps\":[{\"id\":\"a\",\"cmd\":\"serve\",\"instances\":2,\"cpus\":100}]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        JsonNode failed = first("group_change_failed", "/evf");
        assertKeys(failed, "groupId", "version", "reason");
        assertThat(failed.path("groupId").asString()).isEqualTo("/evf");
        assertThat(failed.path("version").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(failed.path("reason").asString()).isEqualTo(JSON.readTree(refused.body()).path("message").asString());
        assertThat(events("group_change_success", "/evf")).hasSize(1);

        assertThat(Http.send("DELETE", url("/v2/deployments/" + deployment), "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> has("deployment_failed", "/evf/a"));
        JsonNode stepFailure = first("deployment_step_failure", "/evf/a");
        assertKeys(stepFailure, "plan", "currentStep");
        assertThat(stepFailure.path("plan").path("id").asString()).isEqualTo(deployment);
        assertThat(stepFailure.path("currentStep").path("actions").get(0).path("app").asString()).isEqualTo("/evf/a");
        JsonNode deploymentFailed = first("deployment_failed", "/evf/a");
        assertKeys(deploymentFailed, "id", "plan", "reason");
        assertThat(deploymentFailed.path("id").asString()).isEqualTo(deployment);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyEventWritten_isAtMost4KiB_andTheLargestIsReported() {
        List<Map<Object, Object>> all = entries();
        assertThat(all).isNotEmpty();
        Map<Object, Object> largest = all.stream()
                .max(Comparator.comparingInt(e -> ((String) e.get(RedisKeys.EVENT_FIELD)).getBytes(StandardCharsets.UTF_8).length))
                .orElseThrow();
        int size = ((String) largest.get(RedisKeys.EVENT_FIELD)).getBytes(StandardCharsets.UTF_8).length;
        System.out.println("[events] largest: " + largest.get(RedisKeys.EVENT_TYPE_FIELD) + " " + size + " bytes");
        for (Map<Object, Object> entry : all) {
            String event = (String) entry.get(RedisKeys.EVENT_FIELD);
            assertThat(event.getBytes(StandardCharsets.UTF_8).length).as(event).isLessThanOrEqualTo(RedisKeys.EVENT_MAX_BYTES);
            assertThat(JSON.readTree(event).has("pacer")).as("nothing truncated: %s", event).isFalse();
        }
    }

    /** Exactly these keys, besides {@code eventType} and {@code timestamp}. */
    private static void assertKeys(JsonNode event, String... keys) {
        Set<String> expected = new TreeSet<>(List.of(keys));
        expected.add("eventType");
        expected.add("timestamp");
        assertThat(new TreeSet<>(event.propertyNames())).as(event.toString()).isEqualTo(expected);
    }

    private static void assertHttpCheck(JsonNode check) {
        assertThat(check.path("protocol").asString()).isEqualTo("HTTP");
        assertThat(check.path("path").asString()).isEqualTo("/health");
        assertThat(check.path("portIndex").asInt()).isEqualTo(0);
        assertThat(check.path("maxConsecutiveFailures").asInt()).isEqualTo(2);
        assertThat(check.path("intervalSeconds").asInt()).isEqualTo(1);
    }

    /** As health-service does: the result into the app's health hash, then the transition on the bus. */
    private static void health(String app, AgentTask task, boolean alive, int failures) {
        String now = Instant.now().toString();
        HealthResult result = new HealthResult(task.taskId(), TaskId.parse(task.taskId()).instanceId(), 0, task.version(), alive,
                failures, now, now, alive ? null : now, alive ? null : "HTTP 500");
        REDIS.template().opsForHash().put(HealthKeys.taskHealth(AppId.parse(app)), HealthKeys.field(task.taskId(), 0),
                JSON.writeValueAsString(result));
        REDIS.template().convertAndSend(HealthKeys.TRANSITIONS, JSON.writeValueAsString(new HealthTransition(app, task.taskId(), 0,
                task.version(), alive, failures, failures >= 2, result.lastFailureCause(), System.currentTimeMillis())));
    }

    private static List<AgentTask> runningOf(String app) {
        return agent.running().stream().filter(t -> t.appId().equals(app)).toList();
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
