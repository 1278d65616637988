package dev.pacer.scheduler.deploy;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.marathon.app.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployment events in Marathon's shape on {@link RedisKeys#EVENTS}: {@code deployment_info} when one
 * starts, {@code deployment_success} when it finishes, {@code deployment_failed} when it is cancelled
 * or rolls back by itself (then with {@code "pacer": {"reason": "auto-reverted"}}).
 */
public class DeploymentEvents {

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;

    public DeploymentEvents(StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    void publish(String eventType, DeploymentPlan plan, String reason) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", eventType);
        event.put("timestamp", Timestamp.now(clock).toString());
        event.put("id", plan.id());
        event.put("plan", Map.of("id", plan.id(), "version", plan.version(), "affectedApps", plan.affectedApps()));
        if (reason != null) {
            event.put("pacer", Map.of("reason", reason));
        }
        redis.convertAndSend(RedisKeys.EVENTS, json.writeValueAsString(event));
    }
}
