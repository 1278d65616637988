package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.testsupport.DockerEngine;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.RequiresDocker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Marathon {@code container.docker} app through the gateway of the whole local stack, on the machine's real
 * Docker engine: 3 instances of {@value #IMAGE} in bridge networking answer on their mapped host ports and
 * through {@code /apps/{id}/}, are health-checked, scale, roll without dropping below the minimum health
 * capacity, and leave no container behind once deleted.
 */
@RequiresDocker(images = DockerAppIT.IMAGE)
class DockerAppIT {

    static final String IMAGE = "pacer/test-http:latest";
    private static final String APP = "/docker/web";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aDockerApp_runsScalesRollsAndLeavesNothingBehind() {
        SharedStack stack = SharedStack.get();
        Http.Client api = Http.client(null).withAuthorization(SharedStack.ADMIN);

        String created = deploy(api, stack, "POST", ApiPaths.V2_APPS, """
                {"id":"%s","instances":3,"cpus":0.05,"mem":64,
                 "args":["pacer-test-http","serve","8080"],
                 "container":{"type":"DOCKER","docker":{"image":"%s"},
                   "portMappings":[{"containerPort":8080,"hostPort":0,"name":"http"}]},
                 "networks":[{"mode":"container/bridge"}],
                 "healthChecks":[{"protocol":"MESOS_HTTP","path":"/health","portIndex":0,"intervalSeconds":1,
                   "timeoutSeconds":1,"gracePeriodSeconds":30,"maxConsecutiveFailures":0}],
                 "upgradeStrategy":{"minimumHealthCapacity":0.5,"maximumOverCapacity":0}}""".formatted(APP, IMAGE));
        awaitDone(api, stack, created, Duration.ofSeconds(120));
        assertThat(app(api, stack).path("tasksHealthy").asInt()).isEqualTo(3);

        List<JsonNode> tasks = tasks(api, stack);
        assertThat(tasks).hasSize(3);
        for (JsonNode task : tasks) {
            int port = task.path("ports").get(0).asInt();
            String answer = Http.get("http://127.0.0.1:" + port + "/").body();
            assertThat(answer).as("the container behind host port %d", port)
                    .contains("\"taskId\": \"" + task.path("id").asString() + "\"", "\"port\": 8080");
        }
        assertThat(containers()).hasSize(3);
        Set<String> answered = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Http.Response routed = api.get(stack.gateway("/apps" + APP + "/"));
            if (routed.status() == 200) {
                answered.add(JSON.readTree(routed.body()).path("taskId").asString());
            }
            return answered.size() >= 2;
        });

        String scaled = deploy(api, stack, "PUT", ApiPaths.V2_APPS + APP, "{\"instances\":4}");
        awaitDone(api, stack, scaled, Duration.ofSeconds(90));
        assertThat(app(api, stack).path("tasksHealthy").asInt()).isEqualTo(4);
        assertThat(containers()).hasSize(4);

        List<String> before = tasks(api, stack).stream().map(t -> t.path("id").asString()).toList();
        String restart = deploy(api, stack, "POST", ApiPaths.V2_APPS + APP + "/restart", null);
        List<Integer> healthy = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (deployment(api, stack, restart) != null && System.nanoTime() < deadline) {
            healthy.add(app(api, stack).path("tasksHealthy").asInt());
            sleep(200);
        }
        assertThat(deployment(api, stack, restart)).as("the rolling restart finished").isNull();
        System.out.printf("[docker] rolling restart of 4 containers (min health 0.5, over 0): %d samples, healthy min %d%n",
                healthy.size(), healthy.stream().mapToInt(i -> i).min().orElse(-1));
        assertThat(healthy).isNotEmpty().allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(2));
        assertThat(tasks(api, stack)).hasSize(4).noneMatch(t -> before.contains(t.path("id").asString()));

        assertThat(api.send("DELETE", stack.gateway(ApiPaths.V2_APPS + APP), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> containers().isEmpty());
    }

    /** Every container of the app, running or not: {@code docker ps -a --filter label=pacer.app-id=<id>}. */
    private static List<String> containers() {
        DockerEngine.Result result = DockerEngine.docker("ps", "-a", "-q", "--filter", "label=pacer.app-id=" + APP);
        assertThat(result.exit()).as(result.output()).isZero();
        return result.output().lines().filter(l -> !l.isBlank()).toList();
    }

    private static String deploy(Http.Client api, SharedStack stack, String method, String path, String body) {
        Http.Response response = api.send(method, stack.gateway(path), body);
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        String id = response.header("Marathon-Deployment-Id");
        assertThat(id).isNotBlank();
        return id;
    }

    private static void awaitDone(Http.Client api, SharedStack stack, String deploymentId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> deployment(api, stack, deploymentId) == null);
    }

    private static JsonNode deployment(Http.Client api, SharedStack stack, String id) {
        return StreamSupport.stream(JSON.readTree(api.get(stack.gateway(ApiPaths.V2_DEPLOYMENTS)).body()).spliterator(), false)
                .filter(d -> d.path("id").asString().equals(id)).findFirst().orElse(null);
    }

    private static JsonNode app(Http.Client api, SharedStack stack) {
        return JSON.readTree(api.get(stack.gateway(ApiPaths.V2_APPS + APP)).body()).path("app");
    }

    private static List<JsonNode> tasks(Http.Client api, SharedStack stack) {
        return StreamSupport.stream(JSON.readTree(api.get(stack.gateway(ApiPaths.V2_APPS + APP + "/tasks")).body())
                .path("tasks").spliterator(), false).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
