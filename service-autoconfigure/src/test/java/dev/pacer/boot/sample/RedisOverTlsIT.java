package dev.pacer.boot.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pacer.boot.cluster.ClusterMembership;
import dev.pacer.contract.ServiceName;
import dev.pacer.runtime.ClusterPki;
import dev.pacer.runtime.ManagedProcess;
import dev.pacer.runtime.RedisBinary;
import dev.pacer.testsupport.FreePorts;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis over TLS by configuration: a {@code rediss://} URL plus {@code pacer.tls.*} is all a service needs;
 * the connection presents the service's certificate (the server requires one: {@code tls-auth-clients yes})
 * and trusts only the cluster's CA. The server is the embedded redis-server, whose build has TLS.
 */
@SpringBootTest(classes = RedisOverTlsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=secrets-service", "pacer.cluster.hostname=localhost",
                "spring.data.redis.url=rediss://localhost:${pacer.test.redis-tls-port}",
                "pacer.tls.ca=" + RedisOverTlsIT.DIR + "/service/ca.pem",
                "pacer.tls.certificate=" + RedisOverTlsIT.DIR + "/service/cert.pem",
                "pacer.tls.private-key=" + RedisOverTlsIT.DIR + "/service/key.pem"})
class RedisOverTlsIT {

    static final String DIR = "target/test-tls/redis";
    private static final ClusterPki CA = ClusterPki.create("test CA");
    private static final int PORT = FreePorts.next();
    private static final ManagedProcess REDIS;

    static {
        // the class is initialised (its instance made) before Spring loads the context
        Path server = CA.issue("redis", Duration.ofHours(1)).write(Path.of(DIR, "redis"));
        CA.issue("secrets", Duration.ofHours(1)).write(Path.of(DIR, "service"));
        REDIS = ManagedProcess.start("redis-tls", List.of(RedisBinary.path().toString(), "--port", "0",
                "--tls-port", Integer.toString(PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--tls-cert-file", server.resolve(ClusterPki.CERT).toString(),
                "--tls-key-file", server.resolve(ClusterPki.KEY).toString(),
                "--tls-ca-cert-file", server.resolve(ClusterPki.CA_CERT).toString(),
                "--tls-auth-clients", "yes"), Path.of(DIR));
        REDIS.awaitReady(() -> ManagedProcess.listening(PORT), Duration.ofSeconds(10));
        System.setProperty("pacer.test.redis-tls-port", Integer.toString(PORT));
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop(Duration.ofSeconds(5));
    }

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ClusterMembership membership;

    @Test
    void aServiceTalksToRedisOverTls_withItsCertificate() {
        redis.opsForValue().set("tls-probe", "ok");
        assertThat(redis.opsForValue().get("tls-probe")).isEqualTo("ok");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !membership.members(ServiceName.SECRETS).isEmpty());
    }

    @Test
    void aClientWithoutTheClustersCertificate_isRefused() {
        RedisClient plain = RedisClient.create("redis://127.0.0.1:" + PORT);
        plain.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2))).build());
        try {
            assertThat(catchThrowable(() -> plain.connect().sync().ping())).isNotNull();
        } finally {
            plain.shutdown();
        }
    }

    @SpringBootApplication
    static class App {
    }
}
