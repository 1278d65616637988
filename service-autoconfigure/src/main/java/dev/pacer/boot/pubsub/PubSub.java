package dev.pacer.boot.pubsub;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed Redis pub/sub for every service: {@link #publish} a message on a {@link Channel}, {@link #subscribe} a
 * handler to one. Each channel is subscribed once in the service's {@link RedisMessageListenerContainer}, however
 * many handlers it has; a payload is decoded once and handed to each of them, on the container's thread (a
 * handler must not block). A payload that is no message of the channel's type is logged (WARN, without its
 * content) and dropped; a handler's exception is logged; neither reaches the container.
 *
 * <p>Delivery is Redis pub/sub's: at most once, only to those subscribed at the time. Every use pairs it with a
 * periodic resync from Redis' stored state, so that a lost message is only late.
 */
public final class PubSub {

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listeners;
    private final JsonMapper json;
    private final Map<Channel<?>, ChannelListener<?>> subscribed = new HashMap<>();

    public PubSub(StringRedisTemplate redis, RedisMessageListenerContainer listeners, JsonMapper json) {
        this.redis = redis;
        this.listeners = listeners;
        this.json = json;
    }

    /** Sends {@code message} now; a Redis failure is thrown to the caller. */
    public <T> void publish(Channel<T> channel, T message) {
        redis.convertAndSend(channel.name(), channel.encode(message, json));
    }

    /**
     * Hands every message on {@code channel} to {@code handler} from now until the answer is cancelled. Before
     * the container has started, messages flow once it has.
     */
    public synchronized <T> Subscription subscribe(Channel<T> channel, Consumer<? super T> handler) {
        @SuppressWarnings("unchecked")
        ChannelListener<T> listener = (ChannelListener<T>) subscribed.get(channel);
        if (listener == null) {
            listener = new ChannelListener<>(channel, json);
            subscribed.put(channel, listener);
            listeners.addMessageListener(listener, ChannelTopic.of(channel.name()));
        }
        ChannelListener<T> target = listener;
        Consumer<? super T> once = target.add(handler);
        return () -> unsubscribe(target, once);
    }

    private synchronized void unsubscribe(ChannelListener<?> listener, Consumer<?> handler) {
        if (listener.remove(handler) && subscribed.get(listener.channel()) == listener) {
            subscribed.remove(listener.channel());
            listeners.removeMessageListener(listener, ChannelTopic.of(listener.channel().name()));
        }
    }
}
