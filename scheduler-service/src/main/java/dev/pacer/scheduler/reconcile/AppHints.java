package dev.pacer.scheduler.reconcile;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * "Something about this app changed": published on {@link RedisKeys#APP_HINTS} by whoever changed
 * it (the API, the status consumer), received by every scheduler instance, acted on by the one
 * holding the app's shard. A hint only wakes the reconciler early; a lost one costs one resync interval.
 */
public class AppHints implements MessageListener {

    private final StringRedisTemplate redis;
    private final Consumer<AppId> onHint;

    public AppHints(StringRedisTemplate redis, Consumer<AppId> onHint) {
        this.redis = redis;
        this.onHint = onHint;
    }

    public void publish(AppId app) {
        redis.convertAndSend(RedisKeys.APP_HINTS, app.toString());
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            onHint.accept(AppId.parse(new String(message.getBody(), StandardCharsets.UTF_8)));
        } catch (InvalidIdException ignored) {
            // not an app id: not ours to act on
        }
    }
}
