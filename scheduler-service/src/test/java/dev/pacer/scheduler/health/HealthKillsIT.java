package dev.pacer.scheduler.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.health.CheckerStats;
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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scheduler's side of health: results written into the health hash exactly as health-service and
 * the agents write them (and transitions published on the bus) drive the app's counts, its tasks'
 * {@code healthCheckResults}, and deliberate kills on real fake agents — with the brake holding kills
 * when too many tasks fail at once.
 */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=1s",
                "pacer.scheduler.health.retry-after=300ms"})
@DirtiesContext
class HealthKillsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static StringRedisTemplate redis;
    private static FakeAgent agent;

    private static final String CHECKS = "\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/health\",\"portIndex\":0,"
            + "\"gracePeriodSeconds\":0,\"intervalSeconds\":1,\"timeoutSeconds\":1,\"maxConsecutiveFailures\":2}]";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        REDIS.flushPacerKeys();
        redis = REDIS.template();
        agent = FakeAgent.start("fake-health", "a", TestRedis.url(), new Resources(8, 8192, 10_000));
    }

    @AfterAll
    static void stop() {
        agent.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aTaskFailingItsCheckMaxConsecutiveFailuresTimes_isKilledAndReplaced_andItsHealthShows() {
        List<AgentTask> tasks = deploy("/hk/one", 2);
        AgentTask sick = tasks.get(0);
        AgentTask fine = tasks.get(1);
        write("/hk/one", alive(fine));
        write("/hk/one", failing(sick, 1));

        JsonNode app = get("/v2/apps/hk/one").path("app");
        assertThat(app.path("tasksHealthy").asInt()).isEqualTo(1);
        assertThat(app.path("tasksUnhealthy").asInt()).isEqualTo(1);
        JsonNode sickJson = Stream.of(JSON.treeToValue(app.path("tasks"), JsonNode[].class))
                .filter(t -> t.path("id").asString().equals(sick.taskId())).findFirst().orElseThrow();
        JsonNode result = sickJson.path("healthCheckResults").get(0);
        assertThat(result.path("alive").asBoolean()).isFalse();
        assertThat(result.path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(result.path("lastFailureCause").asString()).isEqualTo("HTTP 500");
        assertThat(result.has("taskId")).as("Marathon 1.4+ writes instanceId only").isFalse();
        assertThat(result.path("instanceId").asString()).isEqualTo(TaskId.parse(sick.taskId()).instanceId());
        assertThat(agent.running()).extracting(AgentTask::taskId).contains(sick.taskId());

        write("/hk/one", failing(sick, 2));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<AgentTask> running = runningOf("/hk/one");
            assertThat(running).hasSize(2);
            assertThat(running).extracting(AgentTask::taskId).doesNotContain(sick.taskId()).contains(fine.taskId());
        });
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !redis.opsForHash().hasKey(HealthKeys.taskHealth(AppId.parse("/hk/one")), HealthKeys.field(sick.taskId(), 0)));
        assertThat(prometheus()).contains("pacer_scheduler_health_kills_total{application=\"scheduler-service\",result=\"killed\"");
    }

    @Test
    void whenEveryTaskOfAnAppFailsAtOnce_killsPause_andResumeWhenTheShareDrops() {
        List<AgentTask> tasks = deploy("/hk/all", 4);
        // all four results in one write, then their transitions: the policy must see them together (written one by
        // one, the first transition can find one failing task of four, a share under the brake, and kill it)
        writeAll("/hk/all", tasks.stream().map(t -> failing(t, 3)).toList());

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> runningOf("/hk/all").size() == 4 && runningOf("/hk/all").containsAll(tasks));
        assertThat(prometheus()).contains("pacer_scheduler_health_kills_total{application=\"scheduler-service\",result=\"held_app_share\"")
                .contains("pacer_scheduler_health_brake{application=\"scheduler-service\",scope=\"app\",service=\"scheduler-service\"} 1.0");

        writeAll("/hk/all", tasks.subList(1, 4).stream().map(HealthKillsIT::alive).toList());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<AgentTask> running = runningOf("/hk/all");
            assertThat(running).hasSize(4).doesNotContain(tasks.get(0)).containsAll(tasks.subList(1, 4));
        });
        assertThat(prometheus()).contains("pacer_scheduler_health_brake{application=\"scheduler-service\",scope=\"app\",service=\"scheduler-service\"} 0.0");
    }

    @Test
    void whenMuchOfTheClusterFailsAtOnce_everyHealthKillPauses() {
        redis.opsForHash().put(HealthKeys.CHECKER_STATS, "checker-1",
                JSON.writeValueAsString(new CheckerStats(100, 80, Instant.now().toEpochMilli())));
        try {
            List<AgentTask> tasks = deploy("/hk/blip", 1);
            write("/hk/blip", failing(tasks.get(0), 2));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> runningOf("/hk/blip").equals(tasks));
            assertThat(prometheus()).contains("pacer_scheduler_health_kills_total{application=\"scheduler-service\",result=\"held_cluster_share\"")
                    .contains("pacer_scheduler_health_brake{application=\"scheduler-service\",scope=\"cluster\",service=\"scheduler-service\"} 1.0");
        } finally {
            redis.opsForHash().delete(HealthKeys.CHECKER_STATS, "checker-1");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(runningOf("/hk/blip")).hasSize(1);
            assertThat(prometheus()).contains("pacer_scheduler_health_brake{application=\"scheduler-service\",scope=\"cluster\",service=\"scheduler-service\"} 0.0");
        });
    }

    private List<AgentTask> deploy(String id, int instances) {
        Http.Response created = Http.send("POST", url(ApiPaths.V2_APPS),
                "{\"id\":\"" + id + "\",\"cmd\":\"serve\",\"cpus\":0.1,\"mem\":16,\"instances\":" + instances + "," + CHECKS + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> runningOf(id).size() == instances);
        return runningOf(id);
    }

    private static HealthResult failing(AgentTask t, int failures) {
        return new HealthResult(t.taskId(), TaskId.parse(t.taskId()).instanceId(), 0, t.version(),
                false, failures, null, null, Instant.now().toString(), "HTTP 500");
    }

    private static HealthResult alive(AgentTask t) {
        String now = Instant.now().toString();
        return new HealthResult(t.taskId(), TaskId.parse(t.taskId()).instanceId(), 0, t.version(),
                true, 0, now, now, null, null);
    }

    /** As health-service does: the result into the hash, then the transition on the bus. */
    private static void write(String app, HealthResult r) {
        writeAll(app, List.of(r));
    }

    private static void writeAll(String app, List<HealthResult> results) {
        Map<String, String> fields = new LinkedHashMap<>();
        results.forEach(r -> fields.put(HealthKeys.field(r.taskId(), 0), JSON.writeValueAsString(r)));
        redis.opsForHash().putAll(HealthKeys.taskHealth(AppId.parse(app)), fields);
        results.forEach(r -> publish(app, r));
    }

    private static void publish(String app, HealthResult r) {
        redis.convertAndSend(HealthKeys.TRANSITIONS, JSON.writeValueAsString(new HealthTransition(AppId.parse(app).toString(),
                r.taskId(), 0, r.version(), r.alive(), r.consecutiveFailures(), r.consecutiveFailures() >= 2, r.lastFailureCause(),
                System.currentTimeMillis())));
    }

    private static List<AgentTask> runningOf(String appId) {
        return agent.running().stream().filter(t -> t.appId().equals(appId)).toList();
    }

    private String prometheus() {
        return Http.get(url("/actuator/prometheus")).body();
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
