package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.testsupport.Http;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Secrets end to end on the real stack: a secret stored through the gateway, an app whose task writes a
 * hash of {@code $DB_PASSWORD} to its sandbox, a rotation rolled out by a restart, and a scan of every
 * log, work file, Redis key and API answer for the values.
 */
final class SecretsOnTheStack {

    static final String APP = "/e2e/db-app";
    static final String SECRET = "/e2e/db/password";
    static final String SECRET_FILE = "secret/db";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StackOptions.Ports ports;
    private final Path stackDir;
    private final Path launcherOutput;
    private final Http.Client api;
    private final Http.Client internal;
    private final String redisUrl;
    final List<String> values = new ArrayList<>();

    /**
     * @param api      the gateway, as its admin
     * @param internal internal ports, with the operator's certificate
     */
    SecretsOnTheStack(StackOptions.Ports ports, Path stackDir, Path launcherOutput, Http.Client api, Http.Client internal,
                      String redisUrl) {
        this.ports = ports;
        this.stackDir = stackDir;
        this.launcherOutput = launcherOutput;
        this.api = api;
        this.internal = internal;
        this.redisUrl = redisUrl;
    }

    private String gateway(String path) {
        return "http://localhost:" + ports.gateway() + path;
    }

    String store(String value) {
        values.add(value);
        Http.Response put = api.send("PUT", gateway(ApiPaths.API_SECRETS + SECRET), JSON.writeValueAsString(Map.of("value", value)));
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        assertThat(put.body()).doesNotContain(value);
        return value;
    }

    void deploy() {
        String cmd = "python3 -c \"import hashlib,os; open('hash','w').write(hashlib.sha256(os.environ['DB_PASSWORD']"
                + ".encode()).hexdigest())\" && exec sleep 600";
        Map<String, Object> app = Map.of("id", APP, "cmd", cmd, "cpus", 0.1, "mem", 32, "instances", 1,
                "secrets", Map.of("db", Map.of("source", SECRET)),
                "env", Map.of("DB_PASSWORD", Map.of("secret", "db"), "PLAIN", "visible"),
                "container", Map.of("type", "MESOS", "volumes", List.of(Map.of("containerPath", SECRET_FILE, "secret", "db"))));
        Http.Response created = api.send("POST", gateway(ApiPaths.V2_APPS), JSON.writeValueAsString(app));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    void expectPolicyRefusal() {
        Http.Response refused = api.send("POST", gateway(ApiPaths.V2_APPS), """
                {"id":"/e2e/other","cmd":"sleep 1","secrets":{"db":{"source":"/payments/db"}},"env":{"X":{"secret":"db"}}}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("/secrets/db/source");
    }

    /** Waits for a running task other than {@code notThis} whose sandbox holds the hash of {@code value}; returns its id. */
    String expectTaskSees(String value, String notThis) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode task = running().stream().filter(t -> !t.path("id").asString().equals(notThis)).findFirst().orElseThrow();
            String id = task.path("id").asString();
            Path sandbox = Path.of(agentTask(id).path("sandbox").asString());
            assertThat(Files.readString(sandbox.resolve("hash"))).isEqualTo(sha256(value));
            Path file = sandbox.resolve(SECRET_FILE);
            assertThat(Files.readString(file)).isEqualTo(value);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            found[0] = id;
        });
        JsonNode audit = JSON.readTree(api.get(gateway(ApiPaths.API_SECRETS + "/_audit?task=" + found[0])).body());
        assertThat(audit.findValuesAsString("outcome")).contains("read");
        assertThat(audit.findValuesAsString("path")).contains(SECRET);
        return found[0];
    }

    void restart() {
        LocalStackIT.awaitNoDeployment(APP);
        Http.Response restarted = api.send("POST", gateway(ApiPaths.V2_APPS + APP + "/restart"), null);
        assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
    }

    /**
     * Every place a value could leak to, except the one file the app asked for: every service's log, the
     * launcher's output, the agents' work dirs (checkpoints, task stdout/stderr), the stack's key files,
     * every Redis key, and the API and metrics answers.
     */
    void scanForLeaks() throws IOException {
        List<String> needles = new ArrayList<>();
        for (String v : values) {
            needles.add(v);
            needles.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
        }
        int files = 0;
        List<Path> scanned = new ArrayList<>(List.of(launcherOutput));
        try (Stream<Path> walk = Files.walk(stackDir)) {   // logs, agents' work dirs, keys, certificates, credentials
            scanned.addAll(walk.filter(Files::isRegularFile).toList());
        }
        {
            for (Path file : scanned) {
                if (file.endsWith(SECRET_FILE) && file.toString().contains("/sandboxes/")) {
                    continue; // the secret file the app asked for: the one place the value belongs
                }
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String needle : needles) {
                    assertThat(content.contains(needle)).as("a secret value in %s", file).isFalse();
                }
                files++;
            }
        }
        assertThat(files).as("files scanned under %s", stackDir).isGreaterThan(10);

        List<String> redisContent = redisDump();
        assertThat(redisContent.size()).as("redis values scanned").isGreaterThan(10);
        for (String needle : needles) {
            assertThat(redisContent).as("Redis").noneMatch(s -> s.contains(needle));
        }

        List<String> answers = new ArrayList<>();
        for (String path : List.of(ApiPaths.V2_APPS, ApiPaths.V2_APPS + APP, ApiPaths.V2_APPS + APP + "/versions",
                ApiPaths.V2_APPS + "?embed=apps.tasks", ApiPaths.V2_TASKS, ApiPaths.V2_QUEUE, ApiPaths.API_SECRETS,
                ApiPaths.API_SECRETS + SECRET, ApiPaths.API_SECRETS + "/_versions" + SECRET, ApiPaths.API_SECRETS + "/_audit")) {
            answers.add(api.get(gateway(path)).body());
        }
        for (int port : List.of(ports.gatewayManagement(), ports.scheduler(), ports.secrets(), ports.health(), ports.agentA(),
                ports.agentB())) {
            answers.add(internal.get("https://localhost:" + port + ApiPaths.ACTUATOR_PROMETHEUS).body());
        }
        answers.add(internal.get("https://localhost:" + ports.agentA() + ApiPaths.AGENT_TASKS).body());
        answers.add(internal.get("https://localhost:" + ports.agentB() + ApiPaths.AGENT_TASKS).body());
        for (String needle : needles) {
            assertThat(answers).as("API answers").noneMatch(s -> s.contains(needle));
        }
        assertThat(String.join("", answers)).contains("pacer_secrets_grants_redeemed_total", "pacer_secrets_reads_total");
    }

    private List<String> redisDump() {
        RedisClient client = RedisClient.create(redisUrl);
        List<String> all = new ArrayList<>();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
                for (String key : page.getKeys()) {
                    all.add(key);
                    switch (redis.type(key)) {
                        case "string" -> all.add(redis.get(key));
                        case "hash" -> redis.hgetall(key).forEach((f, v) -> all.add(f + "=" + v));
                        case "set" -> all.addAll(redis.smembers(key));
                        case "zset" -> all.addAll(redis.zrange(key, 0, -1));
                        case "list" -> all.addAll(redis.lrange(key, 0, -1));
                        case "stream" -> redis.xrange(key, Range.create("-", "+"))
                                .forEach(m -> all.add(m.getBody().toString()));
                        default -> { }
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
        return all;
    }

    private List<JsonNode> running() {
        Http.Response response = api.get(gateway(ApiPaths.V2_APPS + APP + "/tasks"));
        return StreamSupport.stream(JSON.readTree(response.body()).path("tasks").spliterator(), false)
                .filter(t -> t.path("state").asString().equals("TASK_RUNNING")).toList();
    }

    private JsonNode agentTask(String taskId) {
        for (int port : List.of(ports.agentA(), ports.agentB())) {
            Http.Response r = internal.get("https://localhost:" + port + ApiPaths.AGENT_TASKS + "/" + taskId);
            if (r.status() == 200) {
                return JSON.readTree(r.body());
            }
        }
        throw new AssertionError("no agent knows task " + taskId);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
