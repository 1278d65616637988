package dev.pacer.boot.pubsub;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Redis pub/sub channel and the one kind of message sent on it, declared once ({@link Channels}) and used by
 * both ends through {@link PubSub}. The name is part of the wire between services (its constant lives in
 * wire-contract); so is the payload, which is UTF-8 text in one of two forms:
 * <ul>
 *   <li>{@link #text text}: the message's {@code toString()}, read back with a parse function (typed ids:
 *       {@code AppId::parse}), or the string itself;</li>
 *   <li>{@link #json json}: the message as JSON, written and read by the service's {@link JsonMapper}.</li>
 * </ul>
 *
 * @param name  the Redis channel
 * @param type  the message type
 * @param parse text channels: payload to message; {@code null} for a JSON channel
 */
public record Channel<T>(String name, Class<T> type, Function<String, T> parse) {

    public Channel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Messages of {@code type} as JSON. */
    public static <T> Channel<T> json(String name, Class<T> type) {
        return new Channel<>(name, type, null);
    }

    /** Messages of {@code type} as their {@code toString()}, read back with {@code parse}. */
    public static <T> Channel<T> text(String name, Class<T> type, Function<String, T> parse) {
        return new Channel<>(name, type, Objects.requireNonNull(parse, "parse"));
    }

    /** Plain strings. */
    public static Channel<String> text(String name) {
        return text(name, String.class, Function.identity());
    }

    public boolean isJson() {
        return parse == null;
    }

    /** The payload that carries {@code message}. */
    public String encode(T message, JsonMapper json) {
        Objects.requireNonNull(message, "message");
        return isJson() ? json.writeValueAsString(message) : message.toString();
    }

    /** The message a payload carries; a payload that is no such message throws (a {@link RuntimeException}). */
    public T decode(byte[] payload, JsonMapper json) {
        return isJson() ? json.readValue(payload, type) : parse.apply(new String(payload, StandardCharsets.UTF_8));
    }
}
