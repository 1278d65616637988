package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ServiceName;
import dev.pacer.contract.ids.AppId;
import dev.pacer.testsupport.Http;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import mesosphere.marathon.client.Marathon;
import mesosphere.marathon.client.MarathonClient;
import mesosphere.marathon.client.MarathonException;
import mesosphere.marathon.client.model.v2.App;
import mesosphere.marathon.client.model.v2.Result;
import mesosphere.marathon.client.model.v2.Task;
import mesosphere.marathon.client.model.v2.VersionedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole stack, started exactly as the README's run command starts it (the launcher jar in its
 * own process, every service in its own JVM, the embedded redis-server), then stopped the way
 * Ctrl-C stops it, leaving no process behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path OUTPUT = Path.of("target", "local-stack-it.out").toAbsolutePath();
    /** The stack's own directory, as {@code .pacer/} is for {@code ./run-local.sh}: emptied first, as on a fresh checkout. */
    static final Path STACK_DIR = Path.of("target", "it-stack").toAbsolutePath();
    private static final StackFiles FILES = new StackFiles(STACK_DIR);

    private static StackOptions.Ports ports;
    private static Process launcher;
    private static final List<ProcessHandle> started = new ArrayList<>();
    /** Through the gateway as its admin (the credential the launcher generated). */
    private static Http.Client api;
    /** Straight to an internal port, with the operator's certificate. */
    private static Http.Client internal;

    @BeforeAll
    static void startTheStack() throws IOException {
        int base = freePortRange(StackOptions.Ports.SPAN);
        ports = StackOptions.Ports.from(base);
        Files.createDirectories(OUTPUT.getParent());
        deleteRecursively(STACK_DIR);
        launcher = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", HOME.resolve("local-stack/target/local-stack.jar").toString(),
                "--home=" + HOME, "--port-base=" + base, "--ready-timeout=150",
                "--log-dir=" + STACK_DIR.resolve("logs"))
                .redirectErrorStream(true)
                .redirectOutput(OUTPUT.toFile())
                .start();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited:\n" + Files.readString(OUTPUT));
            }
            return Files.readString(OUTPUT).contains("Press Ctrl-C to stop everything.");
        });
        started.addAll(launcher.descendants().toList());
        api = Http.client(null).withAuthorization(FILES.adminAuthorization());
        internal = Http.client(FILES.operatorTls());
        report();
    }

    @AfterAll
    static void killWhateverIsLeft() {
        if (launcher != null && launcher.isAlive()) {
            started.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    /** The launcher is never silent: each process started, then ready, with the time since the launch. */
    @Test
    @Order(0)
    void theLauncher_printsEachProcessStartedThenReady_withTimes() throws IOException {
        List<String> lines = Files.readAllLines(OUTPUT);
        Pattern stamped = Pattern.compile("^\\[ *([0-9]+\\.[0-9]) s\\] (.*)$");
        List<String> progress = new ArrayList<>();
        double previous = 0;
        for (String line : lines.subList(0, lines.indexOf(lines.stream().filter(l -> l.startsWith("Pacer is up in")).findFirst().orElseThrow()))) {
            Matcher m = stamped.matcher(line);
            if (m.matches()) {
                double at = Double.parseDouble(m.group(1));
                assertThat(at).as("time stamps only grow: %s", line).isGreaterThanOrEqualTo(previous);
                previous = at;
                progress.add(m.group(2));
            }
        }
        assertThat(progress.get(0)).startsWith("certificates and credentials in ");
        assertThat(progress).anyMatch(l -> l.matches("ready   redis +in [0-9.]+ s"));
        assertThat(progress).anyMatch(l -> l.startsWith("Redis:      redis://***@"));
        int discoveryReady = indexOf(progress, "ready   discovery-service ");
        for (String name : List.of("discovery-service", "scheduler-service", "secrets-service", "health-service",
                "agent-a", "agent-b", "gateway-service")) {
            int started = indexOf(progress, "started " + name + " ");
            int ready = indexOf(progress, "ready   " + name + " ");
            assertThat(progress.get(started)).matches("started " + name + " +:[0-9]+ +log .*" + name + "\\.log");
            assertThat(progress.get(ready)).matches("ready   " + name + " +in [0-9]+\\.[0-9] s");
            assertThat(ready).as("%s ready after started", name).isGreaterThan(started);
            if (!name.equals("discovery-service")) {
                assertThat(started).as("%s started once discovery is ready", name).isGreaterThan(discoveryReady);
            }
        }
        assertThat(progress.get(progress.size() - 1)).isEqualTo("the gateway routes /ping to the scheduler");
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
    }

    @Test
    @Order(1)
    void everyServiceIsRegisteredInEureka_andTheAgentsCarryTheirZones() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode apps = JSON.readTree(internal.get(discovery("/eureka/apps"), "application/json").body())
                    .path("applications").path("application");
            Map<String, List<JsonNode>> instances = StreamSupport.stream(apps.spliterator(), false)
                    .collect(Collectors.toMap(a -> a.path("name").asString(),
                            a -> StreamSupport.stream(a.path("instance").spliterator(), false).toList()));
            assertThat(instances).containsOnlyKeys("GATEWAY-SERVICE", "SCHEDULER-SERVICE", "SECRETS-SERVICE",
                    "HEALTH-SERVICE", "AGENT-SERVICE");
            assertThat(instances.get("AGENT-SERVICE"))
                    .extracting(i -> i.path("metadata").path("zone").asString())
                    .containsExactlyInAnyOrder("a", "b");
            instances.values().forEach(list -> assertThat(list)
                    .allSatisfy(i -> assertThat(i.path("status").asString()).isEqualTo("UP")));
        });
    }

    @Test
    @Order(2)
    void theEurekaDashboard_listsEveryService() {
        String page = internal.get(discovery("/"), "text/html").body();
        for (ServiceName service : List.of(ServiceName.GATEWAY, ServiceName.SCHEDULER, ServiceName.SECRETS,
                ServiceName.HEALTH, ServiceName.AGENT)) {
            assertThat(page).contains(service.id().toUpperCase());
        }
        assertThat(page.replaceAll("\\s+", " ")).contains("<td>Environment</td> <td>local</td>");
    }

    @Test
    @Order(3)
    void aRequestThroughTheGateway_reachesTheSchedulerAndBack() {
        Http.Response info = api.get(gateway(ApiPaths.V2_INFO));
        assertThat(info.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(info.body());
        assertThat(body.path("name").asString()).isEqualTo("pacer");
        // Marathon reports where clients talk to it: behind the gateway, the gateway (X-Forwarded-Host)
        assertThat(body.path("leader").asString()).isEqualTo("localhost:" + ports.gateway());
        assertThat(api.get(gateway(ApiPaths.PING)).body()).isEqualTo("pong");
        assertThat(api.get(gateway(ApiPaths.API_HEALTH_MEMBERS)).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theScheduler_writesItsLeasesToRedis_andReadsThemBack() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                JSON.readTree(api.get(gateway(ApiPaths.V2_INFO + "?embed=pacer")).body()).path("pacer_config").path("shards_held").size() > 0);
        JsonNode config = JSON.readTree(api.get(gateway(ApiPaths.V2_INFO + "?embed=pacer")).body()).path("pacer_config");
        RedisClient client = RedisClient.create(FILES.redisUrl(ports.redis()));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            for (JsonNode shard : config.path("shards_held")) {
                assertThat(redis.sync().get(RedisKeys.shardOwner(shard.asInt())))
                        .isEqualTo(config.path("instance_id").asString());
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    @Order(5)
    void aPubSubMessageFromTheScheduler_reachesTheHealthService() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode schedulers = JSON.readTree(internal.get(service(ports.health(), "/actuator/members")).body())
                    .path("services").path(ServiceName.SCHEDULER.id());
            assertThat(schedulers.size()).isEqualTo(1);
            assertThat(schedulers.get(0).path("instanceId").asString()).startsWith("localhost:" + ports.scheduler() + "/");
            assertThat(schedulers.get(0).path("heardVia").asString()).isEqualTo("pubsub");
        });
    }

    /**
     * Liveness and readiness on each service's plain probe port (nothing else there); actuator, Prometheus
     * included, only on the mutual-TLS port (the gateway's management port), to the operator and Prometheus.
     */
    @Test
    @Order(6)
    void everyService_hasProbesAndPrometheus() {
        Http.Client prometheus = Http.client(FILES.identityTls(StackPki.PROMETHEUS));
        for (int port : List.of(ports.discovery(), ports.gateway(), ports.scheduler(), ports.secrets(),
                ports.health(), ports.agentA(), ports.agentB())) {
            String probes = "http://127.0.0.1:" + ports.probe(port);
            assertThat(Http.get(probes + "/livez").status()).as("liveness :%d", port).isEqualTo(200);
            assertThat(Http.get(probes + "/readyz").status()).as("readiness :%d", port).isEqualTo(200);
            assertThat(Http.get(probes + ApiPaths.ACTUATOR_PROMETHEUS).status()).as("probe port :%d", port).isEqualTo(404);
            int actuator = port == ports.gateway() ? ports.gatewayManagement() : port;
            assertThat(prometheus.get(service(actuator, ApiPaths.ACTUATOR_PROMETHEUS)).body()).as("prometheus :%d", actuator)
                    .contains("jvm_");
        }
    }

    @Test
    @Order(7)
    void unknownPaths_getAJsonErrorFromEveryService() {
        assertThat(api.get(gateway("/no/such/thing"), "text/html").body())
                .isEqualTo("{\"message\":\"Path '/no/such/thing' does not exist\"}");
        for (int port : List.of(ports.discovery(), ports.scheduler(), ports.secrets(), ports.health(), ports.agentA())) {
            Http.Response response = internal.get(service(port, "/no/such/thing"), "text/html");
            assertThat(response.status()).as(":%d", port).isEqualTo(404);
            assertThat(response.body()).as(":%d", port).isEqualTo("{\"message\":\"Path '/no/such/thing' does not exist\"}");
        }
        // the gateway's management port: its user authentication runs there too, before any routing
        Http.Response management = internal.get(service(ports.gatewayManagement(), "/no/such/thing"), "text/html");
        assertThat(management.status()).isEqualTo(401);
        assertThat(JSON.readTree(management.body()).path("message").isString()).as(management.body()).isTrue();
    }

    /**
     * No open door between services: each internal port refuses a caller without a certificate of the
     * stack's CA (none, another CA's, plain HTTP) and a certified caller whose identity the endpoint does not
     * accept (a JSON 403), and none of these calls changed anything.
     */
    @Test
    @Order(8)
    void internalPorts_refuseCallersWithoutTheClustersCertificate_andIdentitiesNotAllowed() {
        new InternalPortsOnTheStack(ports, FILES, api, internal).refuseStrangersAndWrongIdentities();
    }

    /**
     * The first start generated the gateway's admin credential, printed it once, keeps it 0600 and it
     * works; every generated key, password and config file is 0600, and no password is on a command line.
     */
    @Test
    @Order(9)
    void theAdminCredential_isPrintedOnce_keptOwnerOnly_andNoSecretIsOnACommandLine() throws IOException {
        new InternalPortsOnTheStack(ports, FILES, api, internal).credentialPrintedOnceAndNothingSecretInTheOpen(OUTPUT, started);
    }

    // ---- apps run: the scenario of the "Apps run" issue, on real processes through the gateway ----

    private static final String DEMO = "/demo/web";
    /** A task's python process ({@code python3.11 -m http.server 20200}), not the shell that started it. */
    private static final Pattern HTTP_SERVER = Pattern.compile(".*python[0-9.]* -m http\\.server (\\d+)$");

    @Test
    @Order(20)
    void theDemoApp_runsThreeTasksOverBothZones_eachAnsweringOnItsPort() {
        Http.Response created = api.send("POST", gateway(ApiPaths.V2_APPS), """
                {"id":"/demo/web","cmd":"python3 -m http.server $PORT0","cpus":0.1,"mem":32,"instances":3,
                 "constraints":[["@zone","GROUP_BY"]]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            List<JsonNode> tasks = running(DEMO);
            assertThat(tasks).hasSize(3);
            assertThat(tasks).extracting(t -> t.path("zone").asString()).contains("a", "b");
            for (JsonNode task : tasks) {
                assertThat(Http.get("http://localhost:" + task.path("ports").get(0).asInt() + "/").status()).isEqualTo(200);
            }
        });
        // on the Eureka dashboard, each instance links to its app's tasks in the API, through the gateway
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode instances = JSON.readTree(internal.get(discovery("/eureka/apps/APP-DEMO_WEB"), "application/json").body())
                    .path("application").path("instance");
            assertThat(instances.size()).isEqualTo(3);
            instances.forEach(i -> assertThat(i.path("statusPageUrl").asString())
                    .isEqualTo("http://localhost:" + ports.gateway() + "/v2/apps/demo/web/tasks"));
        });
    }

    @Test
    @Order(21)
    void aTaskWhoseProcessIsKilled_isReplaced_andTheFailureCountsTowardsBackoff() {
        JsonNode victim = running(DEMO).get(0);
        ProcessHandle process = taskProcess(victim);

        process.destroyForcibly();   // SIGKILL, as an OOM killer or an operator would

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> tasks = running(DEMO);
            assertThat(tasks).hasSize(3);
            assertThat(tasks).extracting(t -> t.path("id").asString()).doesNotContain(victim.path("id").asString());
        });
        RedisClient client = RedisClient.create(FILES.redisUrl(ports.redis()));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().hget(RedisKeys.appBackoff(AppId.parse(DEMO)), "failures")).isEqualTo("1");
        } finally {
            client.shutdown();
        }
    }

    @Test
    @Order(22)
    void scalingUpAndDown_startsAndStopsRealProcesses() {
        awaitNoDeployment(DEMO);
        assertThat(api.send("PUT", gateway(ApiPaths.V2_APPS + DEMO), "{\"instances\":5}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(running(DEMO)).as("running tasks").hasSize(5);
            assertThat(taskProcesses()).as("task processes of %s", allHttpServers()).hasSize(5);
        });

        awaitNoDeployment(DEMO);
        assertThat(api.send("PUT", gateway(ApiPaths.V2_APPS + "/" + DEMO), "{\"instances\":1}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(running(DEMO)).as("running tasks").hasSize(1);
            assertThat(taskProcesses()).as("task processes of %s", allHttpServers()).hasSize(1);
        });
    }

    @Test
    @Order(23)
    void deletingTheApp_leavesNoProcessBehind() {
        assertThat(api.send("DELETE", gateway(ApiPaths.V2_APPS + DEMO), null).status()).isEqualTo(200);
        assertThat(api.get(gateway(ApiPaths.V2_APPS + DEMO)).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(taskProcesses()).isEmpty());
    }

    private static final String TRAFFIC = "/traffic/web";

    /**
     * App traffic through the gateway on real processes: each task serves its own id; the agents
     * register them in Eureka, the gateway routes {@code /apps/traffic/web/**} to them. Measured: a new
     * task's first answer through the gateway after it was reported running, and how long a killed
     * task still got requests after the kill was asked for (the figures of the gateway README).
     */
    @Test
    @Order(25)
    void appTraffic_reachesRunningInstances_andAKilledOneStopsGettingItWithinTwoSeconds() {
        Http.Response created = api.send("POST", gateway(ApiPaths.V2_APPS), """
                {"id":"/traffic/web","cmd":"echo -n $MESOS_TASK_ID > id.txt && exec python3 -m http.server $PORT0",
                 "cpus":0.1,"mem":32,"instances":2}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> servedIds(20).size() == 2);
        assertThat(servedIds(20)).containsExactlyInAnyOrderElementsOf(
                running(TRAFFIC).stream().map(t -> t.path("id").asString()).toList());

        awaitNoDeployment(TRAFFIC);
        assertThat(api.send("PUT", gateway(ApiPaths.V2_APPS + TRAFFIC), "{\"instances\":3}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> running(TRAFFIC).size() == 3);
        JsonNode newest = running(TRAFFIC).stream()
                .max(Comparator.comparing(t -> t.path("startedAt").asString())).orElseThrow();
        String newId = newest.path("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> servedIds(3).contains(newId));
        long routedMillis = System.currentTimeMillis() - Instant.parse(newest.path("startedAt").asString()).toEpochMilli();

        awaitNoDeployment(TRAFFIC);
        // traffic runs from before the kill is asked for until 4 s after it
        String victim = newId;
        long killAt = System.nanoTime() + Duration.ofMillis(300).toNanos();
        AtomicLong lastSeen = new AtomicLong(killAt);
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> errorKinds = new ConcurrentSkipListMap<>();
        Thread traffic = new Thread(() -> {
            while (System.nanoTime() - killAt < Duration.ofSeconds(4).toNanos()) {
                Http.Response r = api.get(gateway("/apps/traffic/web/id.txt"));
                requests.incrementAndGet();
                if (r.status() != 200) {
                    errorKinds.merge(r.status() + " " + r.body(), 1, Integer::sum);
                } else if (r.body().equals(victim)) {
                    lastSeen.set(System.nanoTime());
                }
            }
        });
        traffic.start();
        LockSupport.parkNanos(killAt - System.nanoTime());
        assertThat(api.send("DELETE", gateway(ApiPaths.V2_APPS + TRAFFIC + "/tasks/" + victim + "?scale=true"), null).status())
                .isEqualTo(200);
        long answeredMillis = (System.nanoTime() - killAt) / 1_000_000;
        try {
            traffic.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long stoppedMillis = Math.max(0, (lastSeen.get() - killAt) / 1_000_000);
        System.out.printf("[propagation] local stack: running -> routed through the gateway in %d ms (python's own start "
                + "included); kill asked -> last request to the killed task after %d ms (the kill call answered after %d ms; "
                + "%d requests, errors %s)%n", routedMillis, stoppedMillis, answeredMillis, requests.get(), errorKinds);
        assertThat(stoppedMillis).isLessThanOrEqualTo(2000);
        // the kill waits until the task is out of service (agent drain): failures would be requests sent to a dying process
        assertThat(errorKinds.values().stream().mapToInt(Integer::intValue).sum())
                .as("requests failed while a task was killed: %s", errorKinds).isLessThanOrEqualTo(requests.get() / 100);
        assertThat(api.send("DELETE", gateway(ApiPaths.V2_APPS + TRAFFIC), null).status()).isEqualTo(200);
    }

    /** The task ids answering {@code id.txt} through the gateway in {@code requests} requests. */
    private static Set<String> servedIds(int requests) {
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < requests; i++) {
            Http.Response r = api.get(gateway("/apps/traffic/web/id.txt"));
            if (r.status() == 200) {
                ids.add(r.body());
            }
        }
        return ids;
    }

    /** The real {@code com.mesosphere:marathon-client:0.6.3}, through the gateway, unchanged. */
    @Test
    @Order(30)
    void theMarathonJavaClient_worksThroughTheGateway() {
        String[] admin = FILES.adminCredential().split(":", 2);
        Marathon marathon = MarathonClient.getInstanceWithBasicAuth("http://localhost:" + ports.gateway(), admin[0], admin[1]);
        assertThat(marathon.getServerInfo().getName()).isEqualTo("pacer");

        App app = new App();
        app.setId("/client/sleeper");
        app.setCmd("sleep 600");
        app.setInstances(1);
        app.setCpus(0.1);
        app.setMem(16.0);
        app.addLabel("team", "client");
        app.addConstraint("hostname", "MAX_PER", "10");
        VersionedApp created = marathon.createApp(app);
        assertThat(created.getId()).isEqualTo("/client/sleeper");
        assertThat(created.getVersion()).isNotBlank();

        MarathonException duplicate = catchThrowableOfType(MarathonException.class, () -> marathon.createApp(app));
        assertThat(duplicate.getStatus()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() -> runningViaClient(marathon, "/client/sleeper") == 1);
        assertThat(marathon.getApp("/client/sleeper").getApp().getLabels()).containsEntry("team", "client");
        assertThat(marathon.getApps().getApps()).extracting(App::getId).contains("/client/sleeper");
        assertThat(marathon.getApps(Map.of("label", "team==client")).getApps()).hasSize(1);
        assertThat(marathon.getTasks().getTasks()).extracting(Task::getAppId).contains("/client/sleeper");

        awaitNoDeployment("/client/sleeper");
        app.setInstances(2);
        Result scaled = marathon.updateApp("/client/sleeper", app, false);
        assertThat(scaled.getDeploymentId()).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).until(() -> runningViaClient(marathon, "/client/sleeper") == 2);

        Task victim = marathon.getAppTasks("/client/sleeper").getTasks().iterator().next();
        assertThat(victim.getHost()).isNotBlank();
        assertThat(victim.getAgentId()).isNull();   // Marathon sends slaveId only, which this client does not read
        assertThat(marathon.deleteAppTask("/client/sleeper", victim.getId(), "false").getTask().getId()).isEqualTo(victim.getId());
        await().atMost(Duration.ofSeconds(60)).until(() -> runningViaClient(marathon, "/client/sleeper") == 2
                && marathon.getAppTasks("/client/sleeper").getTasks().stream().noneMatch(t -> t.getId().equals(victim.getId())));

        awaitNoDeployment("/client/sleeper");
        marathon.deleteAppTasks("/client/sleeper", null, "true");   // kill all and scale to 0
        await().atMost(Duration.ofSeconds(30)).until(() -> marathon.getApp("/client/sleeper").getApp().getInstances() == 0
                && runningViaClient(marathon, "/client/sleeper") == 0);

        List<String> versions = List.copyOf(marathon.getAppVersions("/client/sleeper").getVersions());
        assertThat(versions).hasSizeGreaterThanOrEqualTo(3);
        assertThat(marathon.getAppVersion("/client/sleeper", versions.get(versions.size() - 1)).getInstances()).isEqualTo(1);
        assertThat(marathon.getQueue().getQueue()).isNotNull();

        App invalid = new App();
        invalid.setId("/client/Bad_Id");
        MarathonException rejected = catchThrowableOfType(MarathonException.class, () -> marathon.createApp(invalid));
        assertThat(rejected.getStatus()).isEqualTo(422);
        assertThat(rejected.getMessage()).contains("/id");

        assertThat(marathon.deleteApp("/client/sleeper").getDeploymentId()).isNotBlank();
        MarathonException gone = catchThrowableOfType(MarathonException.class, () -> marathon.getApp("/client/sleeper"));
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getMessage()).contains("App '/client/sleeper' does not exist");
    }

    private static long runningViaClient(Marathon marathon, String app) {
        return marathon.getAppTasks(app).getTasks().stream().filter(t -> "TASK_RUNNING".equals(t.getState())).count();
    }

    private static SecretsOnTheStack secrets;

    /** Secrets issue: the task sees the value (a hash of it in its sandbox), a new version reaches restarted tasks. */
    @Test
    @Order(40)
    void anAppWithASecret_seesItsValue_andARotationReachesItsRestartedTask() {
        secrets = new SecretsOnTheStack(ports, STACK_DIR, OUTPUT, api, internal, FILES.redisUrl(ports.redis()));
        secrets.store("first-" + UUID.randomUUID());
        secrets.expectPolicyRefusal();
        secrets.deploy();
        String first = secrets.expectTaskSees(secrets.values.get(0), null);

        secrets.store("second-" + UUID.randomUUID());
        secrets.restart();

        secrets.expectTaskSees(secrets.values.get(1), first);
    }

    /** ... and neither value is anywhere else: logs, work dirs, checkpoints, Redis, API answers, metrics. */
    @Test
    @Order(41)
    void secretValues_areInNoLogNoRedisKeyAndNoApiAnswer() throws IOException {
        assertThat(secrets).as("the secret app ran").isNotNull();
        secrets.scanForLeaks();
        assertThat(api.send("DELETE", gateway(ApiPaths.V2_APPS + SecretsOnTheStack.APP), null).status()).isEqualTo(200);
    }

    private static DeploymentsOnTheStack deployments;

    @Test
    @Order(50)
    void aRollingRestart_keepsMinimumHealthCapacity_onRealTasksCheckedByHealthService() {
        deployments = new DeploymentsOnTheStack(ports, api);
        deployments.rollingRestartKeepsHalfHealthy();
    }

    @Test
    @Order(51)
    void aBrokenVersion_rollsBackByItself_andTheOldTasksNeverStop() {
        deployments.aBrokenVersionRollsBackByItself();
    }

    @Test
    @Order(52)
    void aCanary_pausesUntilPromoted() {
        deployments.aCanaryPausesAndPromoteCompletesIt();
    }

    @Test
    @Order(53)
    void blueGreen_switchesGatewayTrafficWithoutAFailedRequest() {
        deployments.blueGreenSwitchesTrafficWithoutAFailedRequest();
    }

    @Test
    @Order(90)
    void whenAnAgentStops_itsTasksComeBackOnTheOtherAgent() {
        Http.Response created = api.send("POST", gateway(ApiPaths.V2_APPS),
                "{\"id\":\"/demo/sleeper\",\"cmd\":\"sleep 600\",\"cpus\":0.1,\"mem\":16,\"instances\":2}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> running("/demo/sleeper").size() == 2);
        ProcessHandle agentB = started.stream()
                .filter(p -> p.info().commandLine().orElse("").contains("--pacer.agent.id=agent-b")).findFirst().orElseThrow();
        List<ProcessHandle> orphans = agentB.descendants().toList();

        agentB.destroyForcibly();

        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<JsonNode> tasks = running("/demo/sleeper");
                assertThat(tasks).hasSize(2);
                assertThat(tasks).extracting(t -> t.path("slaveId").asString()).containsOnly("agent-a");
            });
        } finally {
            orphans.forEach(ProcessHandle::destroyForcibly);   // the "machine" of agent-b died with them
        }
    }

    private static List<JsonNode> running(String app) {
        Http.Response response = api.get(gateway(ApiPaths.V2_APPS + app + "/tasks"));
        assertThat(response.status()).as("GET tasks of %s: %s", app, response.body()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(response.body()).path("tasks").spliterator(), false)
                .filter(t -> t.path("state").asString().equals("TASK_RUNNING"))
                .toList();
    }

    /** The python process of a task: the agent reports the pid of the task's process group leader. */
    private static ProcessHandle taskProcess(JsonNode task) {
        int agentPort = task.path("slaveId").asString().equals("agent-a") ? ports.agentA() : ports.agentB();
        JsonNode onAgent = JSON.readTree(internal.get(service(agentPort, ApiPaths.AGENT_TASKS + "/" + task.path("id").asString())).body());
        ProcessHandle leader = ProcessHandle.of(onAgent.path("pid").asLong()).orElseThrow();
        return Stream.concat(Stream.of(leader), leader.descendants())
                .filter(p -> p.info().commandLine().orElse("").contains("http.server"))
                .reduce((first, second) -> second).orElseThrow();
    }

    /** Live task processes (http.server) started through the stack's agents. */
    private static List<ProcessHandle> taskProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> HTTP_SERVER.matcher(p.info().commandLine().orElse("")).matches())
                .filter(LocalStackIT::belongsToThisStack)
                .toList();
    }

    private static List<String> allHttpServers() {
        return ProcessHandle.allProcesses().map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .filter(l -> l.contains("http.server")).toList();
    }

    private static boolean belongsToThisStack(ProcessHandle process) {
        String line = process.info().commandLine().orElse("");
        Matcher server = HTTP_SERVER.matcher(line);
        int port = server.matches() ? Integer.parseInt(server.group(1)) : -1;
        int a = LocalStack.firstTaskPort(ports.agentA());
        int b = LocalStack.firstTaskPort(ports.agentB());
        int n = LocalStack.TASK_PORTS_PER_AGENT;
        return port >= a && port < a + n || port >= b && port < b + n;
    }

    /** What Ctrl-C does: the launcher's shutdown hook (SIGINT and SIGTERM run the same hook). */
    @Test
    @Order(100)
    void stoppingTheLauncher_stopsEveryProcessItStarted() throws Exception {
        assertThat(started).hasSizeGreaterThanOrEqualTo(8);   // 7 service JVMs + redis-server

        launcher.destroy();

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher exited").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(started.stream().filter(ProcessHandle::isAlive).map(LocalStackIT::describe)).isEmpty());
        assertThat(Files.readString(OUTPUT)).contains("Stopped.");
    }

    private static void report() throws IOException {
        Matcher up = Pattern.compile("Pacer is up in ([0-9.]+) s").matcher(Files.readString(OUTPUT));
        long rssKib = 0;
        for (ProcessHandle p : started) {
            rssKib += rssKib(p.pid());
        }
        System.out.printf("[local-stack] up in %s s, %d processes, total RSS %d MiB%n",
                up.find() ? up.group(1) : "?", started.size(), rssKib / 1024);
    }

    private static long rssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String describe(ProcessHandle p) {
        return p.pid() + " " + p.info().commandLine().orElse("?");
    }

    /**
     * Waits until no deployment holds the app: a change while one does is a 409, as in Marathon
     * (what a pipeline does after each deploy).
     */
    static void awaitNoDeployment(String app) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                JSON.readTree(api.get(gateway(ApiPaths.V2_APPS + app)).body()).path("app").path("deployments").isEmpty());
    }

    private static String discovery(String path) {
        return service(ports.discovery(), path);
    }

    private static String gateway(String path) {
        return "http://localhost:" + ports.gateway() + path;
    }

    /** An internal port: https, mutual TLS. */
    private static String service(int port, String path) {
        return "https://localhost:" + port + path;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Consecutive free ports for the stack's services in 32000–32767: below Linux's ephemeral range (an
     * outgoing connection cannot be holding one) and above the agents' task ports (20000–31999).
     */
    static int freePortRange(int size) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(32_000, 32_768 - size);
            boolean free = true;
            for (int port = base; port < base + size && free; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + size + " consecutive free ports");
    }
}
