package dev.pacer.scheduler.group;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link GroupStore} in Redis: the explicit groups' ids in a lexically sorted set, one record (JSON
 * dependencies) per explicit group, and per group a version index and one key per snapshot, at most
 * {@code maxVersions}.
 */
class RedisGroupStore implements GroupStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final int maxVersions;

    public RedisGroupStore(StringRedisTemplate redis, JsonMapper json, int maxVersions) {
        this.redis = redis;
        this.json = json;
        this.maxVersions = maxVersions;
    }

    @Override
    public Map<AppId, List<String>> explicit(AppId group) {
        Set<String> ids = group.isRoot()
                ? redis.opsForZSet().range(RedisKeys.GROUPS, 0, -1)
                : redis.opsForZSet().rangeByLex(RedisKeys.GROUPS, Range.closed(group.toString(), group + "/\uffff"), Limit.unlimited());
        Map<AppId, List<String>> groups = new LinkedHashMap<>();
        if (ids == null || ids.isEmpty()) {
            return groups;
        }
        List<AppId> parsed = ids.stream().map(AppId::parse).filter(id -> id.isUnder(group)).toList();
        List<String> records = redis.opsForValue().multiGet(parsed.stream().map(RedisKeys::group).toList());
        for (int i = 0; i < parsed.size(); i++) {
            String record = records == null ? null : records.get(i);
            groups.put(parsed.get(i), record == null ? List.of() : json.readValue(record, STRINGS));
        }
        return groups;
    }

    @Override
    public void save(AppId group, List<String> dependencies) {
        redis.opsForValue().set(RedisKeys.group(group), json.writeValueAsString(dependencies));
        redis.opsForZSet().add(RedisKeys.GROUPS, group.toString(), 0);
    }

    @Override
    public void deleteUnder(AppId group) {
        for (AppId id : explicit(group).keySet()) {
            List<String> keys = new ArrayList<>(List.of(RedisKeys.group(id), RedisKeys.groupVersions(id)));
            versions(id).forEach(v -> keys.add(RedisKeys.groupVersion(id, v)));
            redis.delete(keys);
            redis.opsForZSet().remove(RedisKeys.GROUPS, id.toString());
        }
    }

    @Override
    public void saveVersion(GroupSnapshot snapshot) {
        AppId group = AppId.parse(snapshot.id());
        redis.opsForValue().set(RedisKeys.groupVersion(group, snapshot.version()), json.writeValueAsString(snapshot));
        redis.opsForZSet().add(RedisKeys.groupVersions(group), snapshot.version(), Instant.parse(snapshot.version()).toEpochMilli());
        Long count = redis.opsForZSet().zCard(RedisKeys.groupVersions(group));
        if (count != null && count > maxVersions) {
            Set<String> old = redis.opsForZSet().range(RedisKeys.groupVersions(group), 0, count - maxVersions - 1);
            if (old != null) {
                old.forEach(v -> redis.delete(RedisKeys.groupVersion(group, v)));
                redis.opsForZSet().remove(RedisKeys.groupVersions(group), old.toArray());
            }
        }
    }

    @Override
    public List<String> versions(AppId group) {
        Set<String> versions = redis.opsForZSet().reverseRange(RedisKeys.groupVersions(group), 0, -1);
        return versions == null ? List.of() : List.copyOf(versions);
    }

    @Override
    public Optional<GroupSnapshot> version(AppId group, String version) {
        return Optional.ofNullable(redis.opsForValue().get(RedisKeys.groupVersion(group, version)))
                .map(raw -> json.readValue(raw, GroupSnapshot.class));
    }
}
