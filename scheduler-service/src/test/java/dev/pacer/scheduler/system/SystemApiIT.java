package dev.pacer.scheduler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scheduler's system endpoints on a real port, its leases in a real Redis (Eureka off). */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.shards.lease-ttl=1s",
                "pacer.scheduler.shards.renew-interval=200ms"})
@DirtiesContext
class SystemApiIT {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    StringRedisTemplate redis;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void info_hasExactlyMarathonsKeys_withPacersValues() {
        JsonNode info = info();

        assertThat(names(info)).containsExactlyInAnyOrder("name", "version", "buildref", "elected", "leader",
                "frameworkId", "marathon_config", "zookeeper_config", "http_config");
        assertThat(info.path("name").asString()).isEqualTo("pacer");
        assertThat(info.path("version").asString()).isNotBlank();
        assertThat(info.path("elected").asBoolean()).isTrue();
        assertThat(info.path("leader").asString()).isEqualTo("localhost:" + port);
        JsonNode marathon = info.path("marathon_config");
        assertThat(names(marathon)).contains("features", "framework_name", "ha", "hostname", "local_port_min",
                "local_port_max", "task_launch_timeout", "reconciliation_interval", "task_lost_expunge_initial_delay",
                "task_lost_expunge_interval", "access_control_allow_origin", "webui_url").hasSize(39);
        assertThat(marathon.path("framework_name").asString()).isEqualTo("pacer");
        assertThat(marathon.path("features").isArray()).isTrue();
        assertThat(marathon.path("local_port_min").asInt()).isEqualTo(10000);
        assertThat(marathon.path("reconciliation_interval").asLong()).isEqualTo(60_000);
        assertThat(marathon.path("webui_url").isNull()).isTrue();
        JsonNode zk = info.path("zookeeper_config");
        assertThat(names(zk)).containsExactlyInAnyOrder("zk", "zk_compression", "zk_compression_threshold",
                "zk_connection_timeout", "zk_max_node_size", "zk_max_versions", "zk_session_timeout", "zk_timeout");
        assertThat(zk.path("zk").asString()).startsWith("redis://").doesNotContain("@");
        assertThat(zk.path("zk_max_versions").asInt()).isEqualTo(50);
        assertThat(zk.path("zk_session_timeout").asLong()).isEqualTo(1000);   // the shard lease
        assertThat(names(info.path("http_config"))).containsExactlyInAnyOrder("http_port", "https_port");
        assertThat(info.path("http_config").path("http_port").asInt()).isEqualTo(port);
    }

    /** Behind the gateway, the address clients reach is the gateway's: Marathon's leader and http_config say it. */
    @Test
    void behindTheGateway_leaderAndHttpConfig_nameTheGatewaysAddress() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {ApiPaths.V2_INFO, ApiPaths.V2_LEADER}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("X-Forwarded-Host", "client.example:1, gw.example:8080").header("X-Forwarded-Proto", "http").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            assertThat(body.path("leader").asString()).as(path).isEqualTo("gw.example:8080");
            if (path.equals(ApiPaths.V2_INFO)) {
                assertThat(body.path("http_config").path("http_port").asInt()).isEqualTo(8080);
                assertThat(body.path("http_config").path("https_port").asInt()).isZero();
            }
        }
    }

    @Test
    void info_withEmbedPacer_addsTheShardsThisInstanceLeadsInRedis() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(info("?embed=pacer").path("pacer_config").path("shards_held").size()).isEqualTo(4));
        JsonNode config = info("?embed=pacer").path("pacer_config");
        String self = config.path("instance_id").asString();
        for (JsonNode shard : config.path("shards_held")) {
            assertThat(redis.opsForValue().get(RedisKeys.shardOwner(shard.asInt()))).isEqualTo(self);
        }
    }

    @Test
    void ping_answersPong() {
        Http.Response response = Http.get(url(ApiPaths.PING));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache, no-store, must-revalidate");
    }

    @Test
    void ping_answersByAccept_textToTextOrAnything_aJsonStringToJsonOnly_neverA406() {
        for (String accept : new String[] {"text/plain", "*/*", "text/*", "application/json, text/plain;q=0.5"}) {
            Http.Response text = Http.get(url(ApiPaths.PING), accept);
            assertThat(text.status()).as(accept).isEqualTo(200);
            assertThat(text.body()).as(accept).isEqualTo("pong");
            assertThat(text.header("Content-Type")).as(accept).startsWith("text/plain");
        }
        Http.Response json = Http.get(url(ApiPaths.PING), "application/json");   // the Python client's header
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("\"pong\"");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(Http.get(url(ApiPaths.PING), "image/png").status()).isEqualTo(204);
    }

    @Test
    void info_andActuatorInfo_reportTheBuiltVersionAndGitCommit() throws Exception {
        String commit = gitHead();
        JsonNode info = info();

        assertThat(info.path("buildref").asString()).isEqualTo(commit);
        assertThat(info.path("version").asString()).isEqualTo(System.getProperty("pacer.project.version"));
        JsonNode actuator = json.readTree(Http.get(url("/actuator/info")).body());
        assertThat(actuator.path("build").path("version").asString()).isEqualTo(info.path("version").asString());
        assertThat(actuator.path("git").path("commit").path("id").path("full").asString()).isEqualTo(commit);
    }

    /** The checkout's HEAD, asked of git itself (what the build wrote into git.properties); "unknown" without git. */
    private static String gitHead() throws Exception {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException noGit) {
            return "unknown";
        }
    }

    @Test
    void leader_isTheAnsweringInstance_andAbdicatingGivesItsShardsBack() {
        assertThat(json.readTree(Http.get(url(ApiPaths.V2_LEADER)).body()).path("leader").asString())
                .isEqualTo("localhost:" + port);
        await().atMost(Duration.ofSeconds(5)).until(() -> info("?embed=pacer").path("pacer_config").path("shards_held").size() == 4);

        Http.Response abdicated = Http.send("DELETE", url(ApiPaths.V2_LEADER), null);

        assertThat(abdicated.status()).isEqualTo(200);
        assertThat(abdicated.body()).isEqualTo("{\"message\":\"Leadership abdicated\"}");
        assertThat(info("?embed=pacer").path("pacer_config").path("shards_held").size()).isZero();
        // alone in the cluster, it takes them back once the abstention lapses
        await().atMost(Duration.ofSeconds(5)).until(() -> info("?embed=pacer").path("pacer_config").path("shards_held").size() == 4);
    }

    @Test
    void metrics_isMarathonsDropwizardJson_builtFromTheRegistry() {
        Http.Response response = Http.get(url(ApiPaths.METRICS));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode metrics = json.readTree(response.body());
        assertThat(names(metrics)).containsExactly("version", "counters", "gauges", "histograms", "meters", "timers");
        assertThat(metrics.path("version").asString()).isEqualTo("4.0.0");
        assertThat(metrics.path("gauges").path("jvm.threads.live").path("value").asDouble()).isPositive();
        JsonNode requests = metrics.path("timers").properties().stream()
                .filter(e -> e.getKey().startsWith("http.server.requests")).findFirst().orElseThrow().getValue();
        assertThat(names(requests)).containsExactly("count", "min", "mean", "max", "p50", "p75", "p95", "p98", "p99", "p999",
                "stddev", "m1_rate", "m5_rate", "m15_rate", "mean_rate", "duration_units", "rate_units");
        assertThat(requests.path("count").asLong()).isPositive();
        assertThat(metrics.path("counters").properties()).allSatisfy(e -> assertThat(names(e.getValue())).containsExactly("count"));
    }

    @Test
    void unknownPath_isJson404() {
        Http.Response response = Http.get(url("/v2/nothing-here"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Path '/v2/nothing-here' does not exist\"}");
    }

    private JsonNode info() {
        return info("");
    }

    private static List<String> names(JsonNode node) {
        assertThat(node.isObject()).isTrue();
        return List.copyOf(node.propertyNames());
    }

    private JsonNode info(String query) {
        Http.Response response = Http.get(url(ApiPaths.V2_INFO + query));
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
