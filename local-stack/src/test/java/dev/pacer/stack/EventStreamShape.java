package dev.pacer.stack;

import dev.pacer.stack.ShapeProbe.Answer;
import dev.pacer.testsupport.shape.ShapeChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v2/events} (§8), served by the gateway: a 200 {@code text/event-stream} whose first frame is
 * {@code event_stream_attached} in Marathon's shape.
 */
final class EventStreamShape {

    private final ShapeProbe probe;
    private final SharedStack stack;

    EventStreamShape(ShapeProbe probe, SharedStack stack) {
        this.probe = probe;
        this.stack = stack;
    }

    void check(ShapeChecker checker) {
        String endpoint = "GET /v2/events (Accept: text/event-stream)";
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(stack.gateway("/v2/events")).toURL().openConnection();
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setRequestProperty("Authorization", SharedStack.ADMIN);
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(15000);
            int status = connection.getResponseCode();
            if (status != 200) {
                probe.add(endpoint, "(status)", "answered " + status + "; Marathon answers 200 and a stream");
                return;
            }
            String contentType = connection.getContentType();
            if (contentType == null || !contentType.startsWith("text/event-stream")) {
                probe.add(endpoint, "(headers)", "Content-Type " + contentType + "; Marathon answers text/event-stream");
            }
            HttpURLConnection open = connection;
            String[] frame = CompletableFuture.supplyAsync(() -> firstFrame(open)).get(15, TimeUnit.SECONDS);
            if (!"event_stream_attached".equals(frame[0])) {
                probe.add(endpoint, "(first frame)", "event: " + frame[0] + "; Marathon sends event_stream_attached first");
            }
            probe.note(endpoint);
            probe.json(endpoint, new Answer(200, frame[1], HttpHeaders.of(Map.of("Content-Type", List.of("application/json")),
                    (name, value) -> true)), checker, "shapes.EventStreamAttached");
        } catch (Exception e) {
            probe.add(endpoint, "(stream)", "no first frame: " + e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** {@code event:} and {@code data:} of the first frame. */
    private static String[] firstFrame(HttpURLConnection connection) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    return new String[] {event, line.substring("data:".length()).trim()};
                }
            }
            return new String[] {event, "{}"};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
