package dev.pacer.scheduler.deploy;

import dev.pacer.contract.RedisKeys;
import dev.pacer.scheduler.redis.RedisHashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DeploymentStore} in Redis: one hash per deployment (plan JSON, current step), an index, and
 * one lock hash (app id → deployment id). Every change that touches locks is one script, so two
 * deployments can never both hold an app and a finished deployment never leaves a lock behind.
 */
class RedisDeploymentStore implements DeploymentStore {

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final RedisScript<List> start;
    private final RedisScript<Long> end;
    private final RedisScript<Long> progress;

    public RedisDeploymentStore(StringRedisTemplate redis, JsonMapper json, RedisScript<List> start, RedisScript<Long> end,
                           RedisScript<Long> progress) {
        this.redis = redis;
        this.json = json;
        this.start = start;
        this.end = end;
        this.progress = progress;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> start(DeploymentPlan plan, Collection<String> replacing) {
        List<String> args = new ArrayList<>();
        args.add(plan.id());
        args.add(json.writeValueAsString(plan));
        args.add(Long.toString(plan.startedAt()));
        args.add(Integer.toString(plan.totalSteps()));
        args.add(Integer.toString(replacing.size()));
        args.addAll(replacing);
        args.addAll(plan.affectedApps());
        List<String> holders = redis.execute(start, List.of(RedisKeys.DEPLOYMENT_LOCKS, RedisKeys.DEPLOYMENTS,
                RedisKeys.deployment(plan.id())), args.toArray());
        return holders == null ? List.of() : List.copyOf(holders);
    }

    @Override
    public boolean end(DeploymentPlan plan) {
        List<String> args = new ArrayList<>();
        args.add(plan.id());
        args.addAll(plan.affectedApps());
        Long removed = redis.execute(end, List.of(RedisKeys.DEPLOYMENT_LOCKS, RedisKeys.DEPLOYMENTS,
                RedisKeys.deployment(plan.id())), args.toArray());
        return removed != null && removed > 0;
    }

    @Override
    public int complete(RunningDeployment deployment, String app) {
        int step = deployment.currentStep();
        Long now = redis.execute(progress, List.of(RedisKeys.deployment(deployment.id()),
                        RedisKeys.deploymentDone(deployment.id(), step)),
                Integer.toString(step), app, Integer.toString(deployment.plan().step(step).size()));
        return now == null ? 0 : now.intValue();
    }

    @Override
    public Optional<RunningDeployment> get(String id) {
        Map<Object, Object> fields = redis.opsForHash().entries(RedisKeys.deployment(id));
        return read(fields);
    }

    @Override
    public List<RunningDeployment> all() {
        Set<String> ids = redis.opsForZSet().range(RedisKeys.DEPLOYMENTS, 0, -1);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> order = List.copyOf(ids);
        List<RunningDeployment> result = new ArrayList<>();
        for (Map<String, String> fields : RedisHashes.getAll(redis,
                order.stream().map(RedisKeys::deployment).toList())) {
            read(fields).ifPresent(result::add);
        }
        return result;
    }

    @Override
    public Optional<String> lockOf(String app) {
        Object id = redis.opsForHash().get(RedisKeys.DEPLOYMENT_LOCKS, app);
        return Optional.ofNullable((String) id);
    }

    @Override
    public Map<String, String> locksOf(Collection<String> apps) {
        Map<String, String> locks = new LinkedHashMap<>();
        if (apps.isEmpty()) {
            return locks;
        }
        List<Object> keys = List.copyOf(apps);
        List<Object> ids = redis.opsForHash().multiGet(RedisKeys.DEPLOYMENT_LOCKS, keys);
        for (int i = 0; i < keys.size(); i++) {
            if (ids.get(i) != null) {
                locks.put((String) keys.get(i), (String) ids.get(i));
            }
        }
        return locks;
    }

    @Override
    public void releaseStale(String app, String deploymentId) {
        if (get(deploymentId).isEmpty()) {
            redis.execute(end, List.of(RedisKeys.DEPLOYMENT_LOCKS, RedisKeys.DEPLOYMENTS,
                    RedisKeys.deployment(deploymentId)), deploymentId, app);
        }
    }

    private Optional<RunningDeployment> read(Map<?, ?> fields) {
        Object plan = fields.get("plan");
        Object step = fields.get("step");
        if (plan == null || step == null) {
            return Optional.empty();
        }
        Object switched = fields.get("switchedAt");
        Object opened = fields.get("openedAt");
        return Optional.of(new RunningDeployment(json.readValue(text(plan), DeploymentPlan.class), Integer.parseInt(text(step)),
                fields.get("promoted") != null, switched == null ? null : Long.valueOf(text(switched)),
                opened == null ? null : Long.valueOf(text(opened))));
    }

    @Override
    public boolean markSwitched(String id, long atMillis) {
        return mark(id, "switchedAt", atMillis);
    }

    @Override
    public boolean markOpened(String id, long atMillis) {
        return mark(id, "openedAt", atMillis);
    }

    private boolean mark(String id, String field, long atMillis) {
        if (!redis.opsForHash().hasKey(RedisKeys.deployment(id), "plan")) {
            return false;
        }
        return Boolean.TRUE.equals(redis.opsForHash().putIfAbsent(RedisKeys.deployment(id), field, Long.toString(atMillis)));
    }

    @Override
    public boolean promote(String id) {
        Boolean set = redis.opsForHash().putIfAbsent(RedisKeys.deployment(id), "promoted", "1");
        if (Boolean.TRUE.equals(set) && !redis.opsForHash().hasKey(RedisKeys.deployment(id), "plan")) {
            redis.delete(RedisKeys.deployment(id)); // it ended meanwhile: leave nothing behind
            return false;
        }
        return true;
    }

    private static String text(Object value) {
        return value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
    }
}
