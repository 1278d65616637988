package dev.pacer.secrets.store;

import dev.pacer.contract.secrets.SecretKeys;
import dev.pacer.contract.secrets.SecretMetadata;
import dev.pacer.contract.secrets.SecretPaths;
import dev.pacer.contract.secrets.SecretVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The default backend: each secret is one Redis hash ({@link SecretKeys#secret}) holding every version's
 * envelope ({@link EnvelopeCipher}: AES-256-GCM under a per-value data key, wrapped by a versioned
 * key-encryption key), never the clear value. A new version is written atomically by a Lua script.
 */
public final class EmbeddedSecretStore implements SecretStore {

    private static final RedisScript<Long> PUT = RedisScript.of("""
            local v = redis.call('HINCRBY', KEYS[1], 'current', 1)
            redis.call('HSET', KEYS[1], 'v:' .. v, ARGV[1], 't:' .. v, ARGV[2], 'updated', ARGV[2])
            redis.call('HSETNX', KEYS[1], 'created', ARGV[2])
            redis.call('ZADD', KEYS[2], 0, ARGV[3])
            return v
            """, Long.class);
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
              return 1
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final EnvelopeCipher cipher;
    private final Clock clock;

    public EmbeddedSecretStore(StringRedisTemplate redis, EnvelopeCipher cipher, Clock clock) {
        this.redis = redis;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public SecretMetadata put(String path, String value) {
        SecretPaths.check(path);
        String envelope = cipher.encrypt(path, value);
        redis.execute(PUT, List.of(SecretKeys.secret(path), SecretKeys.INDEX), envelope,
                Long.toString(clock.millis()), path);
        return metadata(path).orElseThrow(() -> new SecretBackendException("secret vanished after write"));
    }

    @Override
    public Optional<SecretMetadata> metadata(String path) {
        Map<Object, Object> hash = redis.opsForHash().entries(SecretKeys.secret(path));
        if (hash.isEmpty() || hash.get("current") == null) {
            return Optional.empty();
        }
        int versions = (int) hash.keySet().stream().filter(k -> k.toString().startsWith("v:")).count();
        return Optional.of(new SecretMetadata(path, Integer.parseInt(hash.get("current").toString()), versions,
                instant(hash.get("created")), instant(hash.get("updated")), name()));
    }

    @Override
    public List<SecretMetadata> list(String prefix, int limit) {
        String p = prefix == null || prefix.isBlank() || "/".equals(prefix) ? "" : prefix;
        Range<String> range = p.isEmpty() ? Range.unbounded()
                : Range.closed(p, p + "\uffff");
        Set<String> paths = redis.opsForZSet().rangeByLex(SecretKeys.INDEX, range, Limit.limit().count(limit * 2 + 1));
        List<SecretMetadata> out = new ArrayList<>();
        for (String path : paths == null ? Set.<String>of() : paths) {
            if (out.size() >= limit) {
                break;
            }
            if (p.isEmpty() || SecretPaths.under(path, p)) {
                metadata(path).ifPresent(out::add);
            }
        }
        return out;
    }

    @Override
    public boolean delete(String path) {
        redis.opsForZSet().remove(SecretKeys.INDEX, path);
        return Boolean.TRUE.equals(redis.delete(SecretKeys.secret(path)));
    }

    @Override
    public List<SecretVersion> versions(String path) {
        Map<Object, Object> hash = redis.opsForHash().entries(SecretKeys.secret(path));
        if (hash.get("current") == null) {
            return List.of();
        }
        int current = Integer.parseInt(hash.get("current").toString());
        List<SecretVersion> out = new ArrayList<>();
        for (int v = 1; v <= current; v++) {
            if (hash.containsKey("v:" + v)) {
                out.add(new SecretVersion(v, instant(hash.get("t:" + v)), v == current));
            }
        }
        return out;
    }

    @Override
    public Optional<SecretValue> readCurrent(String path) {
        List<Object> fields = redis.opsForHash().multiGet(SecretKeys.secret(path), List.of("current"));
        if (fields.isEmpty() || fields.get(0) == null) {
            return Optional.empty();
        }
        int current = Integer.parseInt(fields.get(0).toString());
        Object envelope = redis.opsForHash().get(SecretKeys.secret(path), "v:" + current);
        if (envelope == null) {
            return Optional.empty();
        }
        return Optional.of(new SecretValue(current, cipher.decrypt(path, envelope.toString())));
    }

    /**
     * Re-wraps every stored version whose data key is under an older key-encryption key, so that the old
     * key can be retired. Values stay readable throughout (old keys remain configured until this is done);
     * a version written meanwhile is left alone (compare-and-set). Returns how many envelopes changed.
     */
    public int rewrapAll() {
        int changed = 0;
        String after = null;
        while (true) {
            Range<String> range = after == null ? Range.unbounded() : Range.leftOpen(after, "\uffff");
            Set<String> page = redis.opsForZSet().rangeByLex(SecretKeys.INDEX, range, Limit.limit().count(200));
            if (page == null || page.isEmpty()) {
                return changed;
            }
            for (String path : page) {
                changed += rewrap(path);
                after = path;
            }
        }
    }

    private int rewrap(String path) {
        int changed = 0;
        String key = SecretKeys.secret(path);
        for (Map.Entry<Object, Object> field : redis.opsForHash().entries(key).entrySet()) {
            String name = field.getKey().toString();
            String envelope = field.getValue().toString();
            if (!name.startsWith("v:") || EnvelopeCipher.keyVersion(envelope).equals(cipher.activeVersion())) {
                continue;
            }
            String rewrapped = cipher.rewrap(path, envelope);
            Long set = redis.execute(COMPARE_AND_SET, List.of(key), name, envelope, rewrapped);
            changed += set != null && set == 1 ? 1 : 0;
        }
        return changed;
    }

    private static Instant instant(Object epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMs.toString()));
    }
}
