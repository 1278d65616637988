package dev.pacer.secrets.store;

import static dev.pacer.secrets.store.EnvelopeCipherTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.secrets.SecretKeys;
import dev.pacer.testsupport.TestRedis;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The embedded store against a real redis-server: what Redis holds is never the value. */
class EmbeddedSecretStoreIT {

    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        URI uri = URI.create(TestRedis.url());
        factory = new LettuceConnectionFactory(uri.getHost(), uri.getPort());
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    @AfterAll
    static void close() {
        factory.destroy();
    }

    @BeforeEach
    void flush() {
        redis.execute((RedisConnection c) -> {
            c.serverCommands().flushDb();
            return null;
        });
    }

    private static EmbeddedSecretStore store(Map<String, byte[]> keys) {
        return new EmbeddedSecretStore(redis, new EnvelopeCipher(new Keyring(keys, null)), Clock.systemUTC());
    }

    @Test
    void storedBytes_areNotTheValue_inAnyKey() {
        EmbeddedSecretStore store = store(Map.of("1", key(1)));
        String value = "s3cr3t-" + UUID.randomUUID();
        store.put("/payments/db/password", value);

        assertThat(store.readCurrent("/payments/db/password").orElseThrow().value()).isEqualTo(value);
        assertThat(scanAllRedisValues()).isNotEmpty().noneMatch(v -> v.contains(value))
                .noneMatch(v -> v.contains(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void versions_newValueBecomesCurrent_oldOnesListed() {
        EmbeddedSecretStore store = store(Map.of("1", key(1)));
        store.put("/a/b", "one");
        var meta = store.put("/a/b", "two");

        assertThat(meta.currentVersion()).isEqualTo(2);
        assertThat(meta.versions()).isEqualTo(2);
        assertThat(store.readCurrent("/a/b").orElseThrow()).extracting(SecretValue::version, SecretValue::value)
                .containsExactly(2, "two");
        assertThat(store.versions("/a/b")).extracting(v -> v.version() + ":" + v.current()).containsExactly("1:false", "2:true");
        store.put("/a/c", "x");
        store.put("/ab", "y");
        assertThat(store.list("/a", 100)).extracting(m -> m.path()).containsExactly("/a/b", "/a/c");
        assertThat(store.list(null, 100)).hasSize(3);
        assertThat(store.delete("/a/b")).isTrue();
        assertThat(store.delete("/a/b")).isFalse();
        assertThat(store.readCurrent("/a/b")).isEmpty();
    }

    @Test
    void keyRotation_oldValuesStayReadable_andRewrapReEncryptsThem() {
        store(Map.of("1", key(1))).put("/r/one", "first");
        store(Map.of("1", key(1))).put("/r/two", "second");

        EmbeddedSecretStore rotated = store(Map.of("1", key(1), "2", key(2)));
        assertThat(rotated.readCurrent("/r/one").orElseThrow().value()).isEqualTo("first");
        rotated.put("/r/two", "second-v2");
        assertThat(envelopeVersions()).containsExactlyInAnyOrder("1", "1", "2");

        assertThat(rotated.rewrapAll()).isEqualTo(2);

        assertThat(envelopeVersions()).containsOnly("2");
        EmbeddedSecretStore onlyNew = store(Map.of("2", key(2)));
        assertThat(onlyNew.readCurrent("/r/one").orElseThrow().value()).isEqualTo("first");
        assertThat(onlyNew.readCurrent("/r/two").orElseThrow().value()).isEqualTo("second-v2");
        assertThat(onlyNew.rewrapAll()).isZero();
    }

    private static List<String> envelopeVersions() {
        List<String> out = new ArrayList<>();
        for (String path : Set.of("/r/one", "/r/two")) {
            redis.opsForHash().entries(SecretKeys.secret(path)).forEach((k, v) -> {
                if (k.toString().startsWith("v:")) {
                    out.add(EnvelopeCipher.keyVersion(v.toString()));
                }
            });
        }
        return out;
    }

    /** Every key and every value (strings, hash fields and values, set and zset members) in Redis. */
    static List<String> scanAllRedisValues() {
        List<String> all = new ArrayList<>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().count(1000).build())) {
            keys.forEachRemaining(k -> {
                all.add(k);
                switch (redis.type(k).code()) {
                    case "string" -> all.add(redis.opsForValue().get(k));
                    case "hash" -> redis.opsForHash().entries(k).forEach((f, v) -> {
                        all.add(f.toString());
                        all.add(v.toString());
                    });
                    case "set" -> all.addAll(redis.opsForSet().members(k));
                    case "zset" -> all.addAll(redis.opsForZSet().range(k, 0, -1));
                    case "list" -> all.addAll(redis.opsForList().range(k, 0, -1));
                    case "stream" -> redis.opsForStream().range(k, Range.unbounded())
                            .forEach(r -> r.getValue().forEach((f, v) -> all.add(f + "=" + v)));
                    default -> { }
                }
            });
        }
        return all;
    }
}
