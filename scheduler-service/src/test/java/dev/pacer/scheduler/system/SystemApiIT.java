package dev.pacer.scheduler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scheduler's system endpoints on a real port, its leases in a real Redis (Eureka off). */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.shards.lease-ttl=1s",
                "pacer.scheduler.shards.renew-interval=200ms"})
@org.springframework.test.annotation.DirtiesContext
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
    void info_hasMarathonsShape_andTheShardsThisInstanceLeadsInRedis() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(info().path("pacer_config").path("shards_held").size()).isEqualTo(4));
        JsonNode info = info();

        assertThat(info.path("name").asString()).isEqualTo("pacer");
        assertThat(info.path("version").asString()).isNotBlank();
        assertThat(info.path("elected").asBoolean()).isTrue();
        assertThat(info.path("leader").asString()).isEqualTo("localhost:" + port);
        assertThat(info.path("marathon_config").path("framework_name").asString()).isEqualTo("pacer");
        assertThat(info.path("marathon_config").path("features").isArray()).isTrue();
        assertThat(info.path("http_config").path("http_port").asInt()).isEqualTo(port);
        String self = info.path("pacer_config").path("instance_id").asString();
        for (JsonNode shard : info.path("pacer_config").path("shards_held")) {
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
    void leader_isTheAnsweringInstance_andAbdicatingGivesItsShardsBack() {
        assertThat(json.readTree(Http.get(url(ApiPaths.V2_LEADER)).body()).path("leader").asString())
                .isEqualTo("localhost:" + port);
        await().atMost(Duration.ofSeconds(5)).until(() -> info().path("pacer_config").path("shards_held").size() == 4);

        Http.Response abdicated = Http.send("DELETE", url(ApiPaths.V2_LEADER), null);

        assertThat(abdicated.status()).isEqualTo(200);
        assertThat(abdicated.body()).isEqualTo("{\"message\":\"Leadership abdicated\"}");
        assertThat(info().path("pacer_config").path("shards_held").size()).isZero();
        // alone in the cluster, it takes them back once the abstention lapses
        await().atMost(Duration.ofSeconds(5)).until(() -> info().path("pacer_config").path("shards_held").size() == 4);
    }

    @Test
    void unknownPath_isJson404() {
        Http.Response response = Http.get(url("/v2/nothing-here"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Path '/v2/nothing-here' does not exist\"}");
    }

    private JsonNode info() {
        Http.Response response = Http.get(url(ApiPaths.V2_INFO));
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
