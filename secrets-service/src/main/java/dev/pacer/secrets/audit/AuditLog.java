package dev.pacer.secrets.audit;

import dev.pacer.contract.secrets.AuditEntry;
import dev.pacer.contract.secrets.SecretKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The audit of secret reads: one entry per value handed to an agent (agent, task, app, path, version,
 * when) and one per refused redemption, in the capped Redis stream {@link SecretKeys#AUDIT}. Never a
 * value, never a grant.
 */
public final class AuditLog {

    /** How many entries a query looks at, newest first, at most. */
    static final int SCAN_LIMIT = 10_000;

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final long maxLength;

    public AuditLog(StringRedisTemplate redis, Clock clock, long maxLength) {
        this.redis = redis;
        this.clock = clock;
        this.maxLength = maxLength;
    }

    public void record(String agentId, String taskId, String appId, String path, int version, String outcome) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", Long.toString(clock.millis()));
        fields.put("agent", nz(agentId));
        fields.put("task", nz(taskId));
        fields.put("app", nz(appId));
        fields.put("path", nz(path));
        fields.put("version", Integer.toString(version));
        fields.put("outcome", outcome);
        redis.opsForStream().add(StreamRecords.newRecord().ofMap(fields).withStreamKey(SecretKeys.AUDIT));
        redis.opsForStream().trim(SecretKeys.AUDIT, maxLength, true);
    }

    /** Entries matching every given filter (null = any), newest first, at most {@code limit}. */
    public List<AuditEntry> query(String path, String taskId, String agentId, int limit) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .reverseRange(SecretKeys.AUDIT, Range.unbounded(), Limit.limit().count(SCAN_LIMIT));
        List<AuditEntry> out = new ArrayList<>();
        for (MapRecord<String, Object, Object> r : records == null ? List.<MapRecord<String, Object, Object>>of() : records) {
            Map<Object, Object> f = r.getValue();
            if (matches(path, f.get("path")) && matches(taskId, f.get("task")) && matches(agentId, f.get("agent"))) {
                out.add(new AuditEntry(r.getId().getValue(), Instant.ofEpochMilli(Long.parseLong(f.get("at").toString())),
                        str(f.get("agent")), str(f.get("task")), str(f.get("app")), str(f.get("path")),
                        Integer.parseInt(f.get("version").toString()), str(f.get("outcome"))));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matches(String wanted, Object actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(str(actual));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
