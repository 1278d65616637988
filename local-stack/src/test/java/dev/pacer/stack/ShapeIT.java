package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.stack.ShapeProbe.Answer;
import dev.pacer.stack.ShapeProbe.Finding;
import dev.pacer.testsupport.shape.RamlTypes;
import dev.pacer.testsupport.shape.ShapeChecker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Every Marathon endpoint through the gateway on the real stack, against Marathon's own RAML types (loaded
 * from {@code pacer.marathon-schema.dir}) plus {@code marathon-shapes.raml} (wrappers, and what Marathon's
 * code writes where its RAML differs): the keys of each object are a subset of what Marathon's type allows
 * and include what Marathon always writes, values are of Marathon's kinds, timestamps are Marathon's
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}, statuses are Marathon's. Fixtures: an app with HTTP health checks and
 * two running tasks in two versions, a crashing app (lastTaskFailure, backoff in the queue), a group with
 * a subgroup and dependencies, an app that can never be placed (a deployment in flight, a queue entry).
 * Every difference is listed in {@code target/shape-findings.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShapeIT {

    private static final String WEB = "/shape/web";
    private static final String SMALL = "\"cpus\":0.02,\"mem\":16";
    private static final String CHECK = "\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/\",\"portIndex\":0,"
            + "\"intervalSeconds\":1,\"timeoutSeconds\":1,\"gracePeriodSeconds\":30}]";

    private static ShapeProbe probe;
    private static MarathonShapes shapes;
    private static String firstVersion;
    private static String groupVersion;
    private static String stuckDeployment;

    @BeforeAll
    static void appsTasksGroupsDeploymentsAndAQueue() {
        shapes = MarathonShapes.load();
        probe = new ShapeProbe(SharedStack.get());
        probe.send("DELETE", "/v2/groups/shape?force=true", null);
        // 201 with the new app: checked here, where it is created
        Answer created = probe.expect("POST", "/v2/apps", "{\"id\":\"" + WEB + "\",\"cmd\":\"exec python3 -m http.server $PORT0\","
                + SMALL + ",\"instances\":1,\"labels\":{\"tier\":\"web\"}," + CHECK + "}", 201, shapes.created(), "app.AppInfo");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        probe.deploymentHeader("POST /v2/apps", created);
        awaitHealthy(WEB, 1);
        firstVersion = app(WEB).path("version").asString();
        deploy("PUT", "/v2/apps" + WEB, "{\"instances\":2}");
        deploy("POST", "/v2/apps", "{\"id\":\"/shape/crash\",\"cmd\":\"exit 1\"," + SMALL + ",\"backoffSeconds\":30}");
        deploy("POST", "/v2/groups", "{\"id\":\"/shape/tier\",\"dependencies\":[\"/shape/web\"],"
                + "\"apps\":[{\"id\":\"api\",\"cmd\":\"sleep 3600\"," + SMALL + ",\"dependencies\":[\"/shape/tier/back/db\"]}],"
                + "\"groups\":[{\"id\":\"back\",\"apps\":[{\"id\":\"db\",\"cmd\":\"sleep 3600\"," + SMALL + "}]}]}");
        stuckDeployment = deploy("POST", "/v2/apps", "{\"id\":\"/shape/stuck\",\"cmd\":\"sleep 3600\",\"cpus\":500,\"mem\":16}");
        awaitHealthy(WEB, 2);
        awaitOrExplain("the group's apps running", () -> app("/shape/tier/api").path("tasksRunning").asInt() == 1
                && app("/shape/tier/back/db").path("tasksRunning").asInt() == 1);
        try {
            // its task has exited by now, but the stack may not keep lastTaskFailure: GET /v2/apps/shape/crash then says so
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> app("/shape/crash").has("lastTaskFailure"));
        } catch (ConditionTimeoutException e) {
            System.out.println("[shape] /shape/crash has no lastTaskFailure after 20 s");
        }
        groupVersion = probe.send("GET", "/v2/groups/shape/tier", null).json().path("version").asString();
    }

    @Test
    @Order(1)
    void everyRead_hasMarathonsShape() {
        ShapeChecker stored = shapes.stored();
        pong("GET /ping", probe.send("GET", "/ping", null), "text/plain", "pong");
        pong("GET /ping (Accept: application/json)", probe.send("GET", "/ping", null, "Accept", "application/json"),
                "application/json", "\"pong\"");
        probe.expect("GET", "/metrics", null, 200, stored, "metrics.Metrics");
        probe.expect("GET", "/v2/info", null, 200, stored, "info.MarathonInfo");
        probe.expect("GET", "/v2/leader", null, 200, stored, "info.LeaderInfo");
        probe.expect("GET", "/v2/plugins", null, 200, stored, "shapes.PluginList");

        probe.expect("GET", "/v2/apps", null, 200, shapes.listed(), "app.AppList");
        probe.expect("GET", "/v2/apps?embed=apps.tasks&embed=apps.counts&embed=apps.deployments&embed=apps.lastTaskFailure"
                + "&embed=apps.readiness&embed=apps.taskStats", null, 200, shapes.listed(), "app.AppList");
        probe.expect("GET", "/v2/apps?embed=apps.failures", null, 200, shapes.listed(), "app.AppList");
        probe.expect("GET", "/v2/apps?id=shape&cmd=python&label=tier==web", null, 200, shapes.listed(), "app.AppList");
        probe.expect("GET", "/v2/apps" + WEB, null, 200, shapes.single(), "shapes.AppSingle");
        probe.expect("GET", "/v2/apps" + WEB + "?embed=app.taskStats&embed=app.readiness", null, 200, shapes.single(), "shapes.AppSingle");
        probe.expect("GET", "/v2/apps/shape/crash", null, 200, shapes.single().alwaysSending("AppInfo", "lastTaskFailure"),
                "shapes.AppSingle");
        probe.expect("GET", "/v2/apps/shape/*", null, 200, shapes.listed(), "shapes.AppsUnderGroup");
        probe.expect("GET", "/v2/apps" + WEB + "/tasks", null, 200, stored, "task.TaskList");
        probe.expect("GET", "/v2/apps/shape/*/tasks", null, 200, stored, "task.TaskList");
        probe.expect("GET", "/v2/apps" + WEB + "/versions", null, 200, stored, "app.VersionList");
        probe.expect("GET", "/v2/apps" + WEB + "/versions/" + firstVersion, null, 200, stored, "app.App");

        probe.expect("GET", "/v2/groups", null, 200, shapes.groups(), "group.GroupInfo");
        probe.expect("GET", "/v2/groups/shape", null, 200, shapes.groups(), "group.GroupInfo");
        probe.expect("GET", "/v2/groups/shape/tier", null, 200, shapes.groups(), "group.GroupInfo");
        probe.expect("GET", "/v2/groups/shape?embed=group.groups&embed=group.apps&embed=group.apps.tasks&embed=group.apps.counts"
                + "&embed=group.apps.deployments&embed=group.apps.lastTaskFailure", null, 200, stored, "group.GroupInfo");
        probe.expect("GET", "/v2/groups/versions", null, 200, stored, "shapes.GroupVersions");
        probe.expect("GET", "/v2/groups/shape/versions", null, 200, stored, "shapes.GroupVersions");
        probe.expect("GET", "/v2/groups/shape/tier/versions", null, 200, stored, "shapes.GroupVersions");
        probe.expect("GET", "/v2/groups/shape/tier/versions/" + groupVersion, null, 200, stored, "group.GroupInfo");
        probe.expect("GET", "/v2/groups/shape/tier/apps", null, 200, stored, "shapes.AppInfoArray");

        probe.expect("GET", "/v2/deployments", null, 200, stored, "shapes.Deployments");
        probe.expect("GET", "/v2/tasks", null, 200, stored.alwaysSending("Task", "servicePorts"), "task.TaskList");
        probe.expect("GET", "/v2/tasks?status=running&status%5B%5D=staging", null, 200, stored.alwaysSending("Task", "servicePorts"),
                "task.TaskList");
        probe.expect("GET", "/v2/queue", null, 200, stored, "queue.Queue");
        probe.expect("GET", "/v2/queue?embed=lastUnusedOffers", null, 200, stored, "queue.Queue");
        new EventStreamShape(probe, SharedStack.get()).check(stored);
        assertNoFindings("reads");
    }

    @Test
    @Order(2)
    void everyWrite_answersMarathonsShape() {
        ShapeChecker result = shapes.stored();
        String posted = "{\"id\":\"/shape/posted\",\"cmd\":\"sleep 3600\"," + SMALL + "}";
        deployment("PUT", "/v2/apps/shape/posted?force=true", posted, 201, result);
        deployment("PUT", "/v2/apps/shape/posted?force=true", "{\"cmd\":\"sleep 3601\"}", 200, result);
        deployment("PATCH", "/v2/apps/shape/posted?force=true", "{\"instances\":0}", 200, result);
        deployment("PUT", "/v2/apps?force=true", "[{\"id\":\"/shape/bulk\",\"cmd\":\"sleep 3600\"," + SMALL + ",\"instances\":0}]", 200, result);
        deployment("PATCH", "/v2/apps?force=true", "[{\"id\":\"/shape/bulk\",\"instances\":0,\"labels\":{\"a\":\"b\"}}]", 200, result);

        List<String> tasks = taskIds(WEB);
        probe.expect("DELETE", "/v2/apps" + WEB + "/tasks/" + tasks.get(0), null, 200, result, "task.TaskSingle");
        probe.expect("POST", "/v2/tasks/delete", "{\"ids\":[\"" + tasks.get(1) + "\"]}", 200, result, "task.TaskList");
        probe.expect("DELETE", "/v2/apps/shape/tier/api/tasks", null, 200, result, "task.TaskList");
        String db = taskIds("/shape/tier/back/db").get(0);
        deployment("DELETE", "/v2/apps/shape/tier/back/db/tasks/" + db + "?scale=true&force=true", null, 200, result);
        deployment("POST", "/v2/apps" + WEB + "/restart?force=true", null, 200, result);
        probe.expect("DELETE", "/v2/queue/shape/crash/delay", null, 204, result, null);

        probe.expect("PUT", "/v2/groups/shape/tier?dryRun=true", "{\"id\":\"/shape/tier\",\"apps\":[{\"id\":\"api\","
                + "\"cmd\":\"sleep 3602\"," + SMALL + "}]}", 200, result, "shapes.DryRun");
        deployment("PUT", "/v2/groups/shape/tier?force=true", "{\"scaleBy\":2}", 200, result);
        deployment("POST", "/v2/groups", "{\"id\":\"/shape/fresh\",\"apps\":[{\"id\":\"a\",\"cmd\":\"sleep 3600\"," + SMALL
                + ",\"instances\":0}]}", 201, result);
        deployment("DELETE", "/v2/groups/shape/fresh?force=true", null, 200, result);

        // deployments in flight: a rollback is a deployment; force=true cancels without one (202, no body)
        deployment("DELETE", "/v2/deployments/" + deploy("POST", "/v2/apps", unplaceable("/shape/roll")), null, 200, result);
        probe.expect("DELETE", "/v2/deployments/" + deploy("POST", "/v2/apps", unplaceable("/shape/cancel")) + "?force=true",
                null, 202, result, null);
        // Marathon's code defaults force to true on app DELETE: the app locked by a deployment goes (issue 13)
        assertThat(deploymentOf("/shape/stuck")).isEqualTo(stuckDeployment);
        deployment("DELETE", "/v2/apps/shape/stuck", null, 200, result);
        deployment("DELETE", "/v2/apps/shape/posted", null, 200, result);
        assertNoFindings("writes");
    }

    @Test
    @Order(3)
    void everyError_isMarathonsErrorBody() {
        ShapeChecker errors = shapes.stored();
        String locked = deploy("POST", "/v2/apps", unplaceable("/shape/locked"));
        probe.expect("PUT", "/v2/apps/shape/locked", "{\"cmd\":\"sleep 1\"}", 409, errors, "shapes.LockedError");
        probe.expect("GET", "/v2/apps/shape/none", null, 404, errors, "shapes.Error");
        probe.expect("GET", "/v2/apps/shape/none/tasks", null, 404, errors, "shapes.Error");
        probe.expect("GET", "/v2/apps" + WEB + "/versions/2001-01-01T00:00:00.000Z", null, 404, errors, "shapes.Error");
        probe.expect("DELETE", "/v2/apps" + WEB + "/tasks/shape_web.instance-00000000-0000-0000-0000-000000000000._app.1", null, 404,
                errors, "shapes.Error");
        probe.expect("GET", "/v2/groups/shape/none", null, 404, errors, "shapes.Error");
        probe.expect("DELETE", "/v2/deployments/00000000-0000-0000-0000-000000000000", null, 404, errors, "shapes.Error");
        probe.expect("DELETE", "/v2/queue/shape/none/delay", null, 404, errors, "shapes.Error");
        probe.expect("POST", "/v2/apps", "{\"id\":", 400, errors, "shapes.InvalidJsonError");
        probe.expect("POST", "/v2/apps", "{\"id\":\"/shape/bad\",\"cmd\":\"x\",\"cpus\":-1}", 422, errors, "shapes.ValidationError");
        probe.expect("POST", "/v2/apps", "{\"id\":\"" + WEB + "\",\"cmd\":\"x\"}", 409, errors, "shapes.Error");
        probe.expect("POST", "/v2/groups", "{\"id\":\"/shape/tier\"}", 409, errors, "shapes.Error");
        probe.expect("GET", "/v2/apps?label=!!!", null, 422, errors, "shapes.Error");
        probe.expect("DELETE", "/v2/apps" + WEB + "/tasks?scale=true&wipe=true", null, 400, errors, "shapes.Error");
        probe.expect("POST", "/v2/tasks/delete", "{\"ids\":[\"nonsense\"]}", 400, errors, "shapes.Error");
        Answer anonymous = probe.sendAs(null, "GET", "/v2/apps", null);
        probe.check("GET /v2/apps (no credentials)", anonymous, 401, errors, "shapes.Error");
        // pods: implemented (Marathon's shapes) or refused with a JSON error body
        Answer pods = probe.send("GET", "/v2/pods", null);
        probe.note("GET /v2/pods (" + pods.status() + ")");
        probe.json("GET /v2/pods (" + pods.status() + ")", pods, errors, pods.status() == 200 ? "shapes.Pods" : "shapes.Error");
        probe.send("DELETE", "/v2/deployments/" + locked + "?force=true", null);
        probe.send("DELETE", "/v2/groups/shape?force=true", null);
        assertNoFindings("errors");
    }

    @AfterAll
    static void writeTheFindings() throws IOException {
        if (probe == null) {
            return;
        }
        List<Finding> all = probe.all();
        StringBuilder report = new StringBuilder("# ShapeIT findings\n\nEndpoints checked (" + probe.checked().size() + "):\n");
        probe.checked().forEach(e -> report.append("- ").append(e).append('\n'));
        report.append("\n").append(all.size()).append(" differences from Marathon (endpoint | where | what):\n\n");
        all.forEach(f -> report.append("- ").append(f).append('\n'));
        Path file = Path.of("target", "shape-findings.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("[shape] " + all.size() + " differences over " + probe.checked().size() + " endpoint calls: " + file.toAbsolutePath());
    }

    private static void assertNoFindings(String what) {
        List<Finding> findings = probe.section();
        assertThat(findings).as("differences from Marathon's shapes in the " + what + ":\n"
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    /** {@code /ping}: 200, {@code pong} as text, or the JSON string {@code "pong"} to a client that accepts only JSON (§3.6 row 37). */
    private static void pong(String endpoint, Answer answer, String contentType, String body) {
        probe.note(endpoint);
        if (answer.status() != 200) {
            probe.add(endpoint, "(status)", "answered " + answer.status() + " " + ShapeProbe.abbreviate(answer.body()) + "; Marathon answers 200");
            return;
        }
        if (!String.valueOf(answer.header("Content-Type")).startsWith(contentType)) {
            probe.add(endpoint, "(headers)", "Content-Type " + answer.header("Content-Type") + "; Marathon answers " + contentType);
        }
        if (!answer.body().trim().equals(body)) {
            probe.add(endpoint, "(body)", "Marathon answers " + body + "; got " + ShapeProbe.abbreviate(answer.body()));
        }
    }

    /** A deployment-creating call: its status, its {@code DeploymentResult} body and its header. */
    private static void deployment(String method, String path, String body, int status, ShapeChecker checker) {
        Answer answer = probe.expect(method, path, body, status, checker, "deploymentResult.DeploymentResult");
        probe.deploymentHeader(method + " " + path, answer);
    }

    private static String deploy(String method, String path, String body) {
        Answer answer = probe.send(method, path, body);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isBetween(200, 201);
        JsonNode json = answer.json();
        return json.has("deploymentId") ? json.path("deploymentId").asString() : json.path("deployments").path(0).path("id").asString();
    }

    private static String unplaceable(String id) {
        return "{\"id\":\"" + id + "\",\"cmd\":\"sleep 3600\",\"cpus\":500,\"mem\":16}";
    }

    private static String deploymentOf(String appId) {
        return StreamSupport.stream(probe.send("GET", "/v2/deployments", null).json().spliterator(), false)
                .filter(d -> d.path("affectedApps").toString().contains("\"" + appId + "\"")).findFirst()
                .map(d -> d.path("id").asString()).orElse(null);
    }

    private static JsonNode app(String id) {
        return probe.send("GET", "/v2/apps" + id, null).json().path("app");
    }

    private static List<String> taskIds(String appId) {
        return StreamSupport.stream(probe.send("GET", "/v2/apps" + appId + "/tasks", null).json().path("tasks").spliterator(), false)
                .map(t -> t.path("id").asString()).toList();
    }

    private static void awaitHealthy(String appId, int count) {
        awaitOrExplain(appId + " with " + count + " healthy tasks and no deployment", () ->
                app(appId).path("tasksHealthy").asInt() == count && app(appId).path("deployments").isEmpty());
    }

    /** Waits up to 2 minutes; on a timeout, fails with the apps, deployments and queue as they are. */
    private static void awaitOrExplain(String what, Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("fixture: no " + what + " after 2 minutes\napps: "
                    + probe.send("GET", "/v2/apps?embed=apps.tasks", null).body() + "\ndeployments: "
                    + probe.send("GET", "/v2/deployments", null).body() + "\nqueue: " + probe.send("GET", "/v2/queue", null).body(), e);
        }
    }

    /** Marathon's types, ShapeIT's own library ({@code marathon-shapes.raml}) and what Marathon's code always writes. */
    record MarathonShapes(RamlTypes types) {

        static MarathonShapes load() {
            try (InputStream own = ShapeIT.class.getResourceAsStream("/marathon-shapes.raml")) {
                return new MarathonShapes(RamlTypes.marathon().withLibrary("shapes", new String(own.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** An app as POST answers it (§4.4: no versionInfo yet), tasks as Marathon writes active ones (§5). */
        ShapeChecker created() {
            return new ShapeChecker(types)
                    // §1: always written (labels, networks, portDefinitions on host networking, ...); §4.4: role, version
                    .alwaysSending("App", "labels", "networks", "portDefinitions", "requirePorts", "upgradeStrategy",
                            "unreachableStrategy", "killSelection", "executor", "role", "version")
                    .alwaysSending("AppInfo", "tasksStaged", "tasksRunning", "tasksHealthy", "tasksUnhealthy", "deployments")
                    // §5: an active task's agent, its staging time, version and ports
                    .alwaysSending("Task", "slaveId", "stagedAt", "version", "ports");
        }

        /** A stored app carries versionInfo (§4.4); lists and groups as Marathon writes them. */
        ShapeChecker stored() {
            return new ShapeChecker(types)
                    .alwaysSending("App", "labels", "networks", "portDefinitions", "requirePorts", "upgradeStrategy",
                            "unreachableStrategy", "killSelection", "executor", "role", "version", "versionInfo")
                    .alwaysSending("Task", "slaveId", "stagedAt", "version", "ports");
        }

        /** {@code GET /v2/apps}: counts and deployments always embedded (§3.1 row 1). */
        ShapeChecker listed() {
            return stored().alwaysSending("AppInfo", "tasksStaged", "tasksRunning", "tasksHealthy", "tasksUnhealthy", "deployments");
        }

        /** {@code GET /v2/apps/{id}}: also its tasks (§3.1 row 5). */
        ShapeChecker single() {
            return listed().alwaysSending("AppInfo", "tasks");
        }

        /** {@code GET /v2/groups[/{id}]} without embed: groups, apps and pods (§3.2 row 15). */
        ShapeChecker groups() {
            return stored().alwaysSending("GroupInfo", "apps", "groups", "pods", "dependencies", "version");
        }
    }
}
