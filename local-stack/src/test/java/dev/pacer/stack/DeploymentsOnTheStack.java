package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.testsupport.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployments on the real stack: python tasks on real agents, HTTP health checks run by health-service,
 * traffic through the gateway. A rolling restart sampled throughout, a broken version that rolls back
 * by itself, a canary promoted, and a blue-green switch under a client loop that counts failures.
 */
final class DeploymentsOnTheStack {

    static final String WEB = "/deploy/web";
    static final String BLUE_GREEN = "/deploy/bg";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVE = "exec python3 -m http.server $PORT0";
    private static final String CHECK = "\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/\",\"portIndex\":0,"
            + "\"intervalSeconds\":1,\"timeoutSeconds\":1,\"gracePeriodSeconds\":30,\"maxConsecutiveFailures\":0}]";

    private final StackOptions.Ports ports;
    private final Http.Client api;

    /** @param api the gateway, as its admin */
    DeploymentsOnTheStack(StackOptions.Ports ports, Http.Client api) {
        this.ports = ports;
        this.api = api;
    }

    /** 4 instances, minimumHealthCapacity 0.5, maximumOverCapacity 0: never fewer than 2 healthy, never more than 4. */
    void rollingRestartKeepsHalfHealthy() {
        String created = deploy("POST", ApiPaths.V2_APPS, "{\"id\":\"" + WEB + "\",\"cmd\":\"" + SERVE + "\",\"cpus\":0.05,\"mem\":32,"
                + "\"instances\":4," + CHECK + ",\"upgradeStrategy\":{\"minimumHealthCapacity\":0.5,\"maximumOverCapacity\":0}}");
        awaitGone(created, Duration.ofSeconds(90));
        assertThat(app(WEB).path("tasksHealthy").asInt()).isEqualTo(4);

        String restart = deploy("POST", ApiPaths.V2_APPS + WEB + "/restart", null);
        List<Integer> healthy = new ArrayList<>();
        List<Integer> total = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (deployment(restart) != null && System.nanoTime() < deadline) {
            JsonNode app = app(WEB);
            healthy.add(app.path("tasksHealthy").asInt());
            total.add(app.path("tasksRunning").asInt() + app.path("tasksStaged").asInt());
            sleep(100);
        }
        assertThat(deployment(restart)).as("the restart finished").isNull();
        System.out.printf("[deployments] rolling restart of 4 real tasks (min health 0.5, over 0): %d samples, healthy min %d,"
                + " active max %d%n", healthy.size(), healthy.stream().mapToInt(i -> i).min().orElse(-1),
                total.stream().mapToInt(i -> i).max().orElse(-1));
        assertThat(healthy).hasSizeGreaterThan(5).allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(2));
        assertThat(app(WEB).path("tasksHealthy").asInt()).isEqualTo(4);
    }

    /**
     * A version whose tasks never answer HTTP rolls back by itself after the deadline. Deployed with room
     * on top (the new set starts beside the old one), the old tasks never stop.
     */
    void aBrokenVersionRollsBackByItself() {
        List<String> before = taskIds(WEB);
        String broken = deploy("PUT", ApiPaths.V2_APPS + WEB, "{\"cmd\":\"exec sleep 600\","
                + "\"upgradeStrategy\":{\"minimumHealthCapacity\":1,\"maximumOverCapacity\":1},"
                + "\"pacer\":{\"autoRevert\":{\"deadlineSeconds\":10}}}");
        long start = System.nanoTime();
        awaitGone(broken, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() -> app(WEB).path("cmd").asString().equals(SERVE)
                && app(WEB).path("deployments").isEmpty() && taskIds(WEB).size() == 4);
        System.out.printf("[deployments] broken version auto-reverted and rolled back in %.1f s (deadline 10 s)%n",
                (System.nanoTime() - start) / 1e9);
        assertThat(taskIds(WEB)).containsExactlyInAnyOrderElementsOf(before);
    }

    /** One canary beside the four, paused; promote rolls the rest out. */
    void aCanaryPausesAndPromoteCompletesIt() {
        String canary = deploy("PUT", ApiPaths.V2_APPS + WEB,
                "{\"cmd\":\"echo canary > marker && " + SERVE + "\",\"pacer\":{\"canary\":{\"instances\":1}}}");
        await().atMost(Duration.ofSeconds(60)).until(() -> app(WEB).path("tasksHealthy").asInt() == 5);
        assertThat(deployment(canary).path("pacer").path("phase").asString()).isEqualTo("canary");
        sleep(2000);
        assertThat(app(WEB).path("tasksRunning").asInt()).as("held at the canary").isEqualTo(5);

        assertThat(api.send("POST", gateway(ApiPaths.V2_DEPLOYMENTS + "/" + canary + "/promote"), null).status()).isEqualTo(200);
        awaitGone(canary, Duration.ofSeconds(90));
        String version = app(WEB).path("version").asString();
        assertThat(tasks(WEB)).hasSize(4).allSatisfy(t -> assertThat(t.path("version").asString()).isEqualTo(version));
        assertThat(api.send("DELETE", gateway(ApiPaths.V2_APPS + WEB), null).status()).isEqualTo(200);
    }

    /** Blue-green under a client loop through the gateway: every request answered, the switch at once. */
    void blueGreenSwitchesTrafficWithoutAFailedRequest() {
        String created = deploy("POST", ApiPaths.V2_APPS, "{\"id\":\"" + BLUE_GREEN + "\",\"cmd\":\"echo -n blue > index.html && "
                + SERVE + "\",\"cpus\":0.05,\"mem\":32,\"instances\":2," + CHECK + ",\"pacer\":{\"blueGreen\":{\"keepOldSeconds\":5}}}");
        awaitGone(created, Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(10)).until(() -> "blue".equals(api.get(gateway("/apps/deploy/bg/")).body()));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger blueAfterGreen = new AtomicInteger();
        AtomicBoolean sawGreen = new AtomicBoolean();
        Map<String, Integer> failures = new ConcurrentSkipListMap<>();
        Thread client = new Thread(() -> {
            while (running.get()) {
                Http.Response r = api.get(gateway("/apps/deploy/bg/"));
                requests.incrementAndGet();
                if (r.status() != 200) {
                    failures.merge(r.status() + " " + r.body(), 1, Integer::sum);
                } else if (r.body().equals("green")) {
                    sawGreen.set(true);
                } else if (sawGreen.get()) {
                    blueAfterGreen.incrementAndGet();
                }
            }
        });
        client.start();
        String change = deploy("PUT", ApiPaths.V2_APPS + BLUE_GREEN, "{\"cmd\":\"echo -n green > index.html && " + SERVE + "\"}");
        awaitGone(change, Duration.ofSeconds(120));
        sleep(1000);
        running.set(false);
        try {
            client.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("[deployments] blue-green through the gateway: %d requests, failed %s, blue answers after the first"
                + " green %d (both sets serve for 2 s before the blue one is taken out)%n", requests.get(), failures, blueAfterGreen.get());
        assertThat(failures).as("failed requests during the switch").isEmpty();
        assertThat(sawGreen).isTrue();
        assertThat(api.get(gateway("/apps/deploy/bg/")).body()).isEqualTo("green");
        assertThat(tasks(BLUE_GREEN)).hasSize(2);
        assertThat(api.send("DELETE", gateway(ApiPaths.V2_APPS + BLUE_GREEN), null).status()).isEqualTo(200);
    }

    private String deploy(String method, String path, String body) {
        Http.Response response = api.send(method, gateway(path), body);
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
        String id = response.header("Marathon-Deployment-Id");
        assertThat(id).isNotBlank();
        return id;
    }

    private void awaitGone(String deploymentId, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> deployment(deploymentId) == null);
    }

    private JsonNode deployment(String id) {
        return StreamSupport.stream(JSON.readTree(api.get(gateway(ApiPaths.V2_DEPLOYMENTS + "?embed=pacer")).body()).spliterator(), false)
                .filter(d -> d.path("id").asString().equals(id)).findFirst().orElse(null);
    }

    private JsonNode app(String id) {
        return JSON.readTree(api.get(gateway(ApiPaths.V2_APPS + id)).body()).path("app");
    }

    private List<JsonNode> tasks(String app) {
        return StreamSupport.stream(JSON.readTree(api.get(gateway(ApiPaths.V2_APPS + app + "/tasks")).body()).path("tasks")
                .spliterator(), false).toList();
    }

    private List<String> taskIds(String app) {
        return tasks(app).stream().map(t -> t.path("id").asString()).sorted().toList();
    }

    private String gateway(String path) {
        return "http://localhost:" + ports.gateway() + path;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
