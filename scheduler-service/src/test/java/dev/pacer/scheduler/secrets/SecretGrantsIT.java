package dev.pacer.scheduler.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.contract.secrets.SecretGrant;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.scheduler.SchedulerApplication;
import dev.pacer.scheduler.support.RedisTestTemplates;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scheduler issues each task's grant when it places it, and enforces the access policy at submission. */
@SpringBootTest(classes = SchedulerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "pacer.cluster.hostname=localhost",
                "pacer.scheduler.shards.count=4", "pacer.scheduler.reconcile.resync-interval=500ms",
                "pacer.secrets.grant-key=" + SecretGrantsIT.KEY, "pacer.secrets.grant-ttl=2m",
                "pacer.secrets.policy[0].apps=/payments", "pacer.secrets.policy[0].secrets=/payments,/shared/tls"})
@DirtiesContext
class SecretGrantsIT {

    static final String KEY = "AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=";
    private static final RedisTestTemplates REDIS = new RedisTestTemplates();
    private static FakeAgent agent;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @BeforeAll
    static void agents() {
        REDIS.flushPacerKeys();
        agent = FakeAgent.start("fake-secrets", "a", TestRedis.url(), new Resources(4, 4096, 10_000));
    }

    @AfterAll
    static void stop() {
        agent.close();
        REDIS.close();
    }

    @Value("${local.server.port}")
    int port;

    private Http.Response post(String body) {
        return Http.send("POST", "http://localhost:" + port + "/v2/apps", body);
    }

    @Test
    void launch_carriesAGrantForThatTaskAgentAndPathsOnly() {
        Http.Response created = post("""
                {"id":"/payments/web","cmd":"serve","cpus":0.1,"mem":16,"instances":2,
                 "secrets":{"db":{"source":"/payments/db"},"tls":{"source":"/shared/tls/cert"}},
                 "env":{"DB_PASSWORD":{"secret":"db"},"PLAIN":"x"},
                 "container":{"type":"MESOS","volumes":[{"containerPath":"tls/cert.pem","secret":"tls"}]}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.launchRequests().size() == 2);
        GrantCodec codec = GrantCodec.fromBase64(KEY);
        List<String> nonces = new ArrayList<>();
        for (Map.Entry<String, LaunchRequest> launch : agent.launchRequests().entrySet()) {
            LaunchRequest request = launch.getValue();
            assertThat(request.secretEnv()).isEqualTo(Map.of("DB_PASSWORD", "/payments/db"));
            assertThat(request.secretFiles()).isEqualTo(Map.of("tls/cert.pem", "/shared/tls/cert"));
            assertThat(request.env()).containsEntry("PLAIN", "x").doesNotContainKey("DB_PASSWORD");
            SecretGrant grant = codec.verify(request.secretGrant());
            assertThat(grant.taskId()).isEqualTo(launch.getKey());
            assertThat(grant.appId()).isEqualTo("/payments/web");
            assertThat(grant.agentId()).isEqualTo("fake-secrets");
            assertThat(grant.paths()).containsExactly("/payments/db", "/shared/tls/cert");
            assertThat(Duration.between(Instant.now(), grant.expiresAt())).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121));
            nonces.add(grant.nonce());
        }
        assertThat(nonces).doesNotHaveDuplicates();
    }

    @Test
    void secretOutsideThePolicy_is422_namingTheField() {
        Http.Response refused = post("""
                {"id":"/payments/api","cmd":"serve","secrets":{"db":{"source":"/billing/db"}},
                 "env":{"DB":{"secret":"db"}}}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("/secrets/db/source").contains("access policy");
        Http.Response undefined = post("""
                {"id":"/payments/api","cmd":"serve","env":{"DB":{"secret":"nope"}}}""");
        assertThat(undefined.status()).isEqualTo(422);
        assertThat(undefined.body()).contains("/env/DB").contains("references an undefined secret");
        assertThat(Http.get("http://localhost:" + port + "/v2/apps/payments/api").status()).isEqualTo(404);
    }
}
