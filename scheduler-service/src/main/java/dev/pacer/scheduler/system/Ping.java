package dev.pacer.scheduler.system;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** How Marathon's {@code /ping} answers a request's {@code Accept} header (pure). */
public enum Ping {
    /** {@code pong}, {@code text/plain}. */
    TEXT,
    /** {@code "pong"}, {@code application/json}: the client takes JSON but no text. */
    JSON,
    /** 204: the client takes neither. */
    NONE;

    /** No header, an unreadable one, or any type text/plain matches ({@code text/*}, {@code *}{@code /*}): text. */
    public static Ping answerFor(List<String> accept) {
        if (accept == null || accept.isEmpty()) {
            return TEXT;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return TEXT;
        }
        if (types.isEmpty() || types.stream().anyMatch(t -> t.includes(MediaType.TEXT_PLAIN))) {
            return TEXT;
        }
        return types.stream().anyMatch(t -> t.includes(MediaType.APPLICATION_JSON)) ? JSON : NONE;
    }
}
