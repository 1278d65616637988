package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.testsupport.FreePorts;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.observability.ObservabilityQueries;
import dev.pacer.testsupport.observability.ObservabilityQueries.Query;
import dev.pacer.testsupport.observability.PrometheusTools;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code observability/} against the running stack: a real Prometheus (Debian's binary) runs the repository's
 * configuration — Eureka discovery over mutual TLS with the stack's {@code prometheus} certificate, its alert rules —
 * scrapes every service, a small workload runs through the gateway (an app deployed with HTTP and COMMAND checks,
 * scaled, one task killed, an app that cannot be placed, one whose tasks fail, app traffic to a task that does not
 * listen, a refused and an unauthenticated request), then every dashboard panel query and every alert expression is evaluated through Prometheus's HTTP API:
 * each must be valid, each panel query must return series, and each selector an alert watches must have series.
 */
class PrometheusStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WINDOW = "10m";
    private static final String WEB = "/obs/web";

    private static SharedStack stack;
    private static Http.Client admin;
    private static Process prometheus;
    private static String prometheusUrl;
    private static Path work;

    @BeforeAll
    static void startPrometheus() throws IOException {
        PrometheusTools.assumeAvailable(PrometheusTools.prometheus());
        stack = SharedStack.get();
        admin = Http.client(null).withAuthorization(SharedStack.ADMIN);
        work = Path.of("target", "prometheus-it").toAbsolutePath();
        LocalStackIT.deleteRecursively(work);
        Path observability = ObservabilityQueries.directory();
        PrometheusTools.copyTree(observability.resolve("prometheus"), work);
        Path tls = Files.createDirectories(work.resolve("tls"));
        Path certificates = stack.stackDir().resolve("tls").resolve("prometheus");
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.copy(certificates.resolve(file), tls.resolve(file));
        }
        // the repository's configuration, pointed at this stack's Eureka and made fast: nothing else changes
        String config = Files.readString(work.resolve("prometheus.yml"))
                .replace("https://discovery:8761/eureka", "https://localhost:" + stack.ports().discovery() + "/eureka")
                .replace("refresh_interval: 30s", "refresh_interval: 2s")
                .replace("scrape_interval: 15s", "scrape_interval: 2s")
                .replace("scrape_timeout: 10s", "scrape_timeout: 2s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 2s");
        assertThat(config).contains("localhost:" + stack.ports().discovery()).contains("scrape_interval: 2s");
        Files.writeString(work.resolve("prometheus.yml"), config);

        int port = FreePorts.next();
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(PrometheusTools.prometheus(), "--config.file=prometheus.yml",
                "--storage.tsdb.path=data", "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!prometheus.isAlive()) {
                throw new AssertionError("prometheus exited:\n" + Files.readString(work.resolve("prometheus.log")));
            }
            return Http.get(prometheusUrl + "/-/ready").status() == 200;
        });
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.onExit().completeOnTimeout(prometheus, 20, TimeUnit.SECONDS).join();
            prometheus.destroyForcibly();
        }
    }

    @Test
    void everyDashboardQueryAndAlertReturnsSeries_afterAWorkload() {
        Set<String> services = Set.of("scheduler-service", "gateway-service", "health-service", "secrets-service", "agent-service");
        await("every Pacer service found through Eureka and scraped").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(upTargets()).containsAll(services));
        assertThat(upTargets().stream().filter(t -> t.equals("agent-service")).count()).as("both agents").isEqualTo(2);

        runWorkload();

        await("app task instances found in Eureka are dropped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(droppedTaskInstances()).contains(WEB));
        assertThat(activeTargetApplications()).as("only Pacer's services are scraped").allSatisfy(a -> assertThat(services).contains(a));

        List<Query> panels = ObservabilityQueries.panels(ObservabilityQueries.directory(), WINDOW);
        List<Query> alerts = ObservabilityQueries.rules(ObservabilityQueries.directory());
        assertThat(panels).hasSizeGreaterThan(40);
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(7);
        // the last complete evaluation (one cut short by the timeout never replaces it)
        AtomicReference<Map<String, String>> problems = new AtomicReference<>(Map.of("not evaluated", "yet"));
        try {
            await("every panel query and every alert's selectors return series").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(5)).until(() -> {
                        problems.set(problems(panels, alerts));
                        return problems.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // reported below with every problem
        } finally {
            System.out.printf("[prometheus] %d panel queries, %d alert expressions evaluated; problems: %s%n",
                    panels.size(), alerts.size(), problems.get());
        }
        assertThat(problems.get()).as("queries that are invalid or return no series").isEmpty();
        // Prometheus itself loaded and evaluates every rule of the repository without an error
        JsonNode groups = JSON.readTree(Http.get(prometheusUrl + "/api/v1/rules").body()).path("data").path("groups");
        List<String> evaluated = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                assertThat(rule.path("health").asString()).as(rule.path("name").asString() + ": " + rule.path("lastError").asString())
                        .isEqualTo("ok");
                evaluated.add(rule.path("name").asString());
            }
        }
        assertThat(evaluated).hasSameSizeAs(alerts);
        admin.send("DELETE", stack.gateway(ApiPaths.V2_APPS + WEB + "?force=true"), null);
    }

    /** Panel queries: valid and at least one series. Alerts: valid, and every selector they watch has series. */
    private static Map<String, String> problems(List<Query> panels, List<Query> alerts) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Query panel : panels) {
            check(panel.source(), panel.expr(), true, problems);
        }
        for (Query alert : alerts) {
            check(alert.source(), alert.expr(), false, problems);
            for (String selector : ObservabilityQueries.selectors(alert.expr())) {
                check(alert.source() + " selector", selector, true, problems);
            }
        }
        return problems;
    }

    private static void check(String source, String expr, boolean needsSeries, Map<String, String> problems) {
        Http.Response response = Http.get(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        JsonNode body = JSON.readTree(response.body());
        if (response.status() != 200 || !"success".equals(body.path("status").asString())) {
            problems.put(source, "invalid (" + response.status() + " " + body.path("error").asString() + "): " + expr);
        } else if (needsSeries && body.path("data").path("result").isEmpty()) {
            problems.put(source, "no series: " + expr);
        }
    }

    /** Deploy, scale, kill a task; an app that cannot be placed; one whose tasks fail; a 5xx; refused requests. */
    private static void runWorkload() {
        String checks = "\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/\",\"portIndex\":0,\"intervalSeconds\":1,"
                + "\"timeoutSeconds\":1,\"gracePeriodSeconds\":30},{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"},"
                + "\"intervalSeconds\":1,\"timeoutSeconds\":2,\"gracePeriodSeconds\":30}]";
        send("POST", ApiPaths.V2_APPS, "{\"id\":\"" + WEB + "\",\"cmd\":\"exec python3 -m http.server $PORT0\",\"cpus\":0.05,"
                + "\"mem\":32,\"instances\":1," + checks + "}");
        awaitHealthy(1);
        send("PUT", ApiPaths.V2_APPS + WEB, "{\"instances\":2}");
        awaitHealthy(2);
        String task = tasks().get(0);
        send("DELETE", ApiPaths.V2_APPS + WEB + "/tasks/" + task, null);
        await().atMost(Duration.ofSeconds(90)).until(() -> !tasks().contains(task) && tasks().size() == 2);
        awaitHealthy(2);
        assertThat(admin.get(stack.gateway("/apps" + WEB + "/")).status()).isEqualTo(200);

        send("POST", ApiPaths.V2_APPS, "{\"id\":\"/obs/huge\",\"cmd\":\"sleep 600\",\"cpus\":1000,\"mem\":32,\"instances\":1}");
        send("POST", ApiPaths.V2_APPS, "{\"id\":\"/obs/fail\",\"cmd\":\"exit 1\",\"cpus\":0.05,\"mem\":32,\"instances\":1}");
        await("declines and failures counted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> series("pacer_scheduler_placement_declines_total") > 0
                        && series("pacer_scheduler_task_transitions_total{state=\"failed\"} > 0") > 0);
        send("DELETE", ApiPaths.V2_APPS + "/obs/huge?force=true", null);
        send("DELETE", ApiPaths.V2_APPS + "/obs/fail?force=true", null);

        // a task registered UP (no health check) that does not listen: the gateway's app traffic to it ends 5xx
        send("POST", ApiPaths.V2_APPS, "{\"id\":\"/obs/mute\",\"cmd\":\"exec sleep 600\",\"cpus\":0.05,\"mem\":16,\"instances\":1}");
        await("a 5xx from the gateway").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.get(stack.gateway("/apps/obs/mute/")).status() >= 500);
        send("DELETE", ApiPaths.V2_APPS + "/obs/mute?force=true", null);

        Http.Client alice = Http.client(null).withAuthorization(SharedStack.ALICE);
        assertThat(alice.send("POST", stack.gateway(ApiPaths.V2_APPS), "{\"id\":\"/team-b/x\",\"cmd\":\"sleep 1\"}").status())
                .isEqualTo(403);
        assertThat(Http.client(null).withAuthorization(SharedStack.basic("alice", "wrong")).get(stack.gateway(ApiPaths.V2_APPS))
                .status()).isEqualTo(401);
    }

    private static void send(String method, String path, String body) {
        Http.Response response = admin.send(method, stack.gateway(path), body);
        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isBetween(200, 202);
    }

    private static void awaitHealthy(int n) {
        await("%d healthy task(s) of %s".formatted(n, WEB)).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode app = JSON.readTree(admin.get(stack.gateway(ApiPaths.V2_APPS + WEB)).body()).path("app");
                    return app.path("tasksHealthy").asInt() == n && app.path("tasksRunning").asInt() == n
                            && app.path("deployments").isEmpty();
                });
    }

    private static List<String> tasks() {
        JsonNode tasks = JSON.readTree(admin.get(stack.gateway(ApiPaths.V2_APPS + WEB + "/tasks")).body()).path("tasks");
        return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("id").asString()).toList();
    }

    private static int series(String expr) {
        JsonNode body = JSON.readTree(Http.get(prometheusUrl + "/api/v1/query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8)).body());
        return body.path("data").path("result").size();
    }

    /** The {@code application} of every healthy scraped target (one entry per target). */
    private static List<String> upTargets() {
        List<String> up = new ArrayList<>();
        for (JsonNode target : targets().path("activeTargets")) {
            if ("up".equals(target.path("health").asString())) {
                up.add(target.path("labels").path("application").asString());
            }
        }
        return up;
    }

    private static Set<String> activeTargetApplications() {
        Set<String> applications = new TreeSet<>();
        targets().path("activeTargets").forEach(t -> applications.add(t.path("labels").path("application").asString()));
        return applications;
    }

    private static Set<String> droppedTaskInstances() {
        Set<String> apps = new TreeSet<>();
        for (JsonNode target : targets().path("droppedTargets")) {
            String app = target.path("discoveredLabels").path("__meta_eureka_app_instance_metadata_pacer_appId").asString();
            if (!app.isEmpty()) {
                apps.add(app);
            }
        }
        return apps;
    }

    private static JsonNode targets() {
        return JSON.readTree(Http.get(prometheusUrl + "/api/v1/targets?state=any").body()).path("data");
    }
}
