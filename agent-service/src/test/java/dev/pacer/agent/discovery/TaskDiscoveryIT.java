package dev.pacer.agent.discovery;

import static dev.pacer.agent.support.TestTasks.cmd;
import static dev.pacer.agent.support.TestTasks.newTaskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.agent.support.AgentApiTestBase;
import dev.pacer.agent.task.TaskRuntime;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.discovery.AppDiscovery;
import dev.pacer.contract.discovery.InstanceChange;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.testsupport.FakeEureka;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The agent registers its running tasks in a (fake) Eureka: UP at once without health checks,
 * STARTING until every check is alive in Redis, OUT_OF_SERVICE while being killed, removed when ended;
 * registered again when Eureka forgot them. Health results are written into Redis by the test, as
 * health-service would.
 */
@TestPropertySource(properties = {"pacer.agent.discovery.enabled=true",
        "pacer.agent.discovery.renew-interval=300ms", "pacer.agent.discovery.lease-duration=3s",
        "pacer.agent.discovery.api-url=https://pacer.example.com:8443/"})
class TaskDiscoveryIT extends AgentApiTestBase {

    static final FakeEureka EUREKA = FakeEureka.start(Duration.ofSeconds(3));
    static final List<InstanceChange> CHANGES = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void eureka(DynamicPropertyRegistry registry) {
        registry.add("pacer.agent.discovery.eureka-urls", EUREKA::url);
    }

    @AfterAll
    static void stopEureka() {
        EUREKA.close();
    }

    @Autowired
    TaskRuntime runtime;

    @Autowired
    RedisMessageListenerContainer listeners;

    private boolean subscribed;

    @BeforeEach
    void listen() {
        if (!subscribed) {
            listeners.addMessageListener((message, pattern) -> CHANGES.add(JSON.readValue(
                    new String(message.getBody(), StandardCharsets.UTF_8), InstanceChange.class)),
                    new ChannelTopic(AppDiscovery.INSTANCE_CHANGES));
            subscribed = true;
        }
    }

    @Test
    void aTaskWithoutHealthChecks_isUpAtOnce_withItsMetadata_andGoneWhenKilled() {
        String app = "/disco/plain";
        String id = newTaskId(app);
        int port = FreePorts.next();
        Map<String, Object> request = cmd(id, app, "exec sleep 30");
        request.put("ports", List.of(port));
        launch(request);
        String name = AppDiscovery.eurekaAppName(AppId.parse(app));

        await().atMost(Duration.ofSeconds(5)).until(() -> EUREKA.status(name, id).equals(Optional.of("UP")));
        JsonNode instance = EUREKA.instance(name, id).orElseThrow();
        assertThat(instance.get("hostName").asString()).isEqualTo("localhost");
        assertThat(instance.get("port").get("$").asInt()).isEqualTo(port);
        // the dashboard links the instance to its tasks in the API, through the gateway
        assertThat(instance.get("statusPageUrl").asString()).isEqualTo("https://pacer.example.com:8443/v2/apps/disco/plain/tasks");
        assertThat(instance.get("metadata").get(AppDiscovery.META_APP_ID).asString()).isEqualTo(app);
        assertThat(instance.get("metadata").get(AppDiscovery.META_APP_VERSION).asString()).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(instance.get("metadata").get(AppDiscovery.META_ZONE).asString()).isEqualTo("z1");
        await().atMost(Duration.ofSeconds(2)).until(() -> CHANGES.stream().anyMatch(c -> c.taskId().equals(id) && c.status().equals("UP")));

        Http.send("DELETE", taskUrl(id), null);

        await().atMost(Duration.ofSeconds(5)).until(() -> EUREKA.status(name, id).isEmpty());
        assertThat(EUREKA.calls()).anyMatch(c -> c.path().endsWith(id + "/status") && "OUT_OF_SERVICE".equals(c.status()));
        await().atMost(Duration.ofSeconds(2)).until(() -> CHANGES.stream()
                .anyMatch(c -> c.taskId().equals(id) && c.status().equals(InstanceChange.REMOVED)));
    }

    @Test
    void aTaskWithHealthChecks_isStartingUntilEveryCheckIsAlive_thenUp_thenDownWhenOneFails() {
        String app = "/disco/checked";
        String id = newTaskId(app);
        AppId appId = AppId.parse(app);
        String name = AppDiscovery.eurekaAppName(appId);
        HealthCheck http = new HealthCheck("HTTP", "/", 0, null, null, 1, 1, 1, 3, null, false, null);
        runtime.launch(new LaunchRequest(id, app, "v1", "exec sleep 30", List.of(), Map.of(), Map.of(),
                List.of(FreePorts.next()), null, 0.1, 32, 0, 1, List.of(http, http), Map.of(), Map.of(), null));

        await().atMost(Duration.ofSeconds(5)).until(() -> EUREKA.status(name, id).equals(Optional.of("STARTING")));
        writeHealth(appId, id, 0, true);
        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> EUREKA.status(name, id).equals(Optional.of("STARTING")));

        long healthyAt = System.nanoTime();
        writeHealth(appId, id, 1, true);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> EUREKA.status(name, id).equals(Optional.of("UP")));
        long millis = (System.nanoTime() - healthyAt) / 1_000_000;
        System.out.println("[propagation] health transition -> Eureka UP in " + millis + " ms");

        writeHealth(appId, id, 0, false);
        await().atMost(Duration.ofSeconds(2)).until(() -> EUREKA.status(name, id).equals(Optional.of("DOWN")));
        runtime.kill(id);
    }

    @Test
    void aHealthyTaskWhoseVersionIsDeniedTraffic_isOutOfService_untilTheGateOpens() {
        String app = "/disco/bluegreen";
        String id = newTaskId(app);
        AppId appId = AppId.parse(app);
        String name = AppDiscovery.eurekaAppName(appId);
        redis.opsForSet().add(RedisKeys.appTrafficDenied(appId), "2024-01-01T00:00:00.000Z");
        Map<String, Object> request = cmd(id, app, "exec sleep 30");
        request.put("ports", List.of(FreePorts.next()));
        launch(request);

        await().atMost(Duration.ofSeconds(5)).until(() -> EUREKA.status(name, id).equals(Optional.of("OUT_OF_SERVICE")));
        long openedAt = System.nanoTime();
        redis.delete(RedisKeys.appTrafficDenied(appId));
        redis.convertAndSend(RedisKeys.TRAFFIC, app);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> EUREKA.status(name, id).equals(Optional.of("UP")));
        System.out.println("[propagation] traffic gate opened -> Eureka UP in " + (System.nanoTime() - openedAt) / 1_000_000 + " ms");
        Http.send("DELETE", taskUrl(id), null);
    }

    @Test
    void anInstanceEurekaForgot_isRegisteredAgain() {
        String app = "/disco/forgotten";
        String id = newTaskId(app);
        String name = AppDiscovery.eurekaAppName(AppId.parse(app));
        Map<String, Object> request = cmd(id, app, "exec sleep 30");
        request.put("ports", List.of(FreePorts.next()));
        launch(request);
        await().atMost(Duration.ofSeconds(5)).until(() -> EUREKA.status(name, id).equals(Optional.of("UP")));

        EUREKA.remove(name, id);

        await().atMost(Duration.ofSeconds(3)).until(() -> EUREKA.status(name, id).equals(Optional.of("UP")));
        Http.send("DELETE", taskUrl(id), null);
    }

    private void writeHealth(AppId app, String taskId, int check, boolean alive) {
        HealthResult result = new HealthResult(taskId, taskId, check, "v1", alive, alive ? 0 : 1,
                null, null, null, alive ? null : "connection refused");
        redis.opsForHash().put(HealthKeys.taskHealth(app), HealthKeys.field(taskId, check), JSON.writeValueAsString(result));
        redis.convertAndSend(HealthKeys.TRANSITIONS, JSON.writeValueAsString(
                new HealthTransition(app.toString(), taskId, check, "v1", alive, alive ? 0 : 1, false, null, System.currentTimeMillis())));
    }
}
