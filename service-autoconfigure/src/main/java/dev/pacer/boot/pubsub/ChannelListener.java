package dev.pacer.boot.pubsub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one container listener of a {@link Channel} in {@link PubSub}: decodes each payload once and hands the
 * message to every handler subscribed. Never throws into the container: a payload it cannot decode is logged
 * by its channel, type and the error's class only (a payload may hold anything, a secret included).
 */
final class ChannelListener<T> implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(PubSub.class);

    private final Channel<T> channel;
    private final JsonMapper json;
    private final List<Consumer<? super T>> handlers = new CopyOnWriteArrayList<>();

    ChannelListener(Channel<T> channel, JsonMapper json) {
        this.channel = channel;
        this.json = json;
    }

    Channel<T> channel() {
        return channel;
    }

    /** Adds {@code handler}; the answer is what {@link #remove} takes (the same handler may be added twice). */
    Consumer<? super T> add(Consumer<? super T> handler) {
        Consumer<? super T> own = handler::accept;
        handlers.add(own);
        return own;
    }

    /** Removes a handler {@link #add} answered; true when none is left. */
    boolean remove(Consumer<?> handler) {
        handlers.remove(handler);
        return handlers.isEmpty();
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        T decoded;
        try {
            decoded = channel.decode(message.getBody(), json);
        } catch (RuntimeException e) {
            log.warn("Dropped a message on {} that is no {} ({}, {} bytes)", channel.name(),
                    channel.type().getSimpleName(), e.getClass().getSimpleName(), message.getBody().length);
            return;
        }
        for (Consumer<? super T> handler : handlers) {
            try {
                handler.accept(decoded);
            } catch (RuntimeException e) {
                log.warn("A handler of {} failed", channel.name(), e);
            }
        }
    }
}
