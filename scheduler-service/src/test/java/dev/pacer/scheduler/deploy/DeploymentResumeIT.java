package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.RedisKeys;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment outlives the scheduler that started it: the first scheduler stops mid-way, a new one
 * finds the deployment in Redis and finishes it.
 */
class DeploymentResumeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static final String APP = "/resume/web";
    private static FakeAgent agent;

    @BeforeAll
    static void start() {
        REDIS.flushPacerKeys();
        agent = FakeAgent.start("resume-a", "a", TestRedis.url(), new Resources(8, 8192, 10_000));
    }

    @AfterAll
    static void stop() {
        agent.close();
        REDIS.close();
    }

    @Test
    void aDeploymentInterruptedByASchedulerStop_isResumedByTheNextScheduler() {
        String version;
        String deploymentId;
        try (ConfigurableApplicationContext first = scheduler()) {
            String base = url(first);
            try (HealthSimulator health = new HealthSimulator(REDIS.template(), base, APP, Duration.ZERO)) {
                String created = Http.send("POST", base + "/v2/apps", "{\"id\":\"" + APP + "\",\"cmd\":\"v1\",\"instances\":2,"
                        + "\"healthChecks\":[{\"protocol\":\"HTTP\",\"portIndex\":0}]}").header("Marathon-Deployment-Id");
                await().atMost(Duration.ofSeconds(15)).until(() -> deployments(base).isEmpty());

                Http.Response change = Http.send("PUT", base + "/v2/apps" + APP, "{\"cmd\":\"v2\"}");
                version = JSON.readTree(change.body()).path("version").asString();
                deploymentId = change.header("Marathon-Deployment-Id");
                health.failing.add(version);
                await().atMost(Duration.ofSeconds(10)).until(() -> tasks(base).stream()
                        .anyMatch(t -> t.path("version").asString().equals(version)));
                assertThat(deployments(base)).singleElement().satisfies(d -> assertThat(d.path("id").asString()).isEqualTo(deploymentId));
                assertThat(created).isNotEqualTo(deploymentId);
            }
        }
        assertThat(REDIS.template().opsForHash().get(RedisKeys.DEPLOYMENT_LOCKS, APP)).isEqualTo(deploymentId);

        try (ConfigurableApplicationContext second = scheduler()) {
            String base = url(second);
            assertThat(deployments(base)).singleElement().satisfies(d -> assertThat(d.path("id").asString()).isEqualTo(deploymentId));
            try (HealthSimulator health = new HealthSimulator(REDIS.template(), base, APP, Duration.ZERO)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> deployments(base).isEmpty());
            }
            assertThat(tasks(base)).hasSize(2).allSatisfy(t -> assertThat(t.path("version").asString()).isEqualTo(version));
            assertThat(REDIS.template().opsForHash().get(RedisKeys.DEPLOYMENT_LOCKS, APP)).isNull();
        }
    }

    private static ConfigurableApplicationContext scheduler() {
        // command-line arguments: they win over the defaults every Pacer service brings
        return new SpringApplicationBuilder(SchedulerApplication.class).run(
                "--server.port=0", "--eureka.client.enabled=false", "--pacer.cluster.hostname=localhost",
                "--spring.data.redis.url=" + TestRedis.url(), "--pacer.scheduler.shards.count=4",
                "--pacer.scheduler.reconcile.resync-interval=500ms", "--pacer.scheduler.reconcile.declined-retry=500ms");
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static List<JsonNode> deployments(String base) {
        return StreamSupport.stream(JSON.readTree(Http.get(base + "/v2/deployments").body()).spliterator(), false).toList();
    }

    private static List<JsonNode> tasks(String base) {
        return StreamSupport.stream(JSON.readTree(Http.get(base + "/v2/apps" + APP + "/tasks").body()).path("tasks").spliterator(), false)
                .toList();
    }
}
