package dev.pacer.gateway.events;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.gateway.authz.AccessPolicy;
import dev.pacer.gateway.authz.Grants;
import dev.pacer.gateway.security.PacerPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v2/events}: Marathon's SSE stream, served here rather than by the scheduler. Frames are
 * {@code id: <stream id>}, {@code event: <type>}, {@code data: <json>} and a blank line;
 * {@code event_stream_attached} comes first, an SSE comment every {@code heartbeat}. Filters:
 * {@code event_type} (repeatable, Marathon's), {@code app=/prefix} (repeatable, Pacer's), the
 * principal's view grants; {@code plan-format=light} is accepted (the only format). With
 * {@code Last-Event-ID} (or {@code lastEventId}) the events after that id are replayed from the stream
 * first, then live ones follow without a gap or a duplicate; an id older than the stream's oldest entry
 * gets {@code event_stream_reset} and then the live events.
 */
public class EventStreamHandler {

    static final MediaType EVENT_STREAM = new MediaType("text", "event-stream", StandardCharsets.UTF_8);

    private final EventHub hub;
    private final ReactiveStringRedisTemplate redis;
    private final AccessPolicy policy;
    private final EventStreamProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public EventStreamHandler(EventHub hub, ReactiveStringRedisTemplate redis, AccessPolicy policy,
                              EventStreamProperties properties, JsonMapper json, Clock clock) {
        this.hub = hub;
        this.redis = redis;
        this.policy = policy;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public Mono<ServerResponse> stream(ServerRequest request) {
        if (!request.headers().accept().stream().anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("event-stream"))) {
            // Marathon: 405 unless an Accept header is exactly text/event-stream (Jetty's page; here JSON)
            return error(HttpStatus.METHOD_NOT_ALLOWED, "GET /v2/events needs the header Accept: text/event-stream");
        }
        List<AppId> prefixes = new ArrayList<>();
        for (String app : request.queryParams().getOrDefault("app", List.of())) {
            try {
                prefixes.add(AppId.parse(app));
            } catch (InvalidIdException e) {
                return error(HttpStatus.BAD_REQUEST, "Invalid app filter '" + app + "': " + e.getMessage());
            }
        }
        String resume = Optional.ofNullable(request.headers().firstHeader("Last-Event-ID"))
                .or(() -> request.queryParam("lastEventId")).filter(s -> !s.isBlank()).orElse(null);
        if (resume != null && !StreamEvent.isId(resume)) {
            return error(HttpStatus.BAD_REQUEST, "Invalid Last-Event-ID '" + resume + "': expected an event id such as 1733152585476-0");
        }
        Set<String> types = Set.copyOf(request.queryParams().getOrDefault("event_type", List.of()));
        String remote = request.remoteAddress().map(a -> a.getAddress().getHostAddress()).orElse("");
        return request.principal().map(EventStreamHandler::pacerPrincipal).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(principal -> {
                    Grants grants = policy.grantsOf(principal.orElse(null));
                    EventFilter filter = new EventFilter(types, prefixes, grants);
                    String who = principal.map(PacerPrincipal::name).orElse("anonymous") + "@" + remote;
                    Flux<String> frames = Flux.defer(() -> frames(filter, who, remote, resume));
                    return ServerResponse.ok().contentType(EVENT_STREAM)
                            .header("Cache-Control", "no-cache, no-store, must-revalidate")
                            // one write and flush per frame: batching with bufferTimeout(fair backpressure) cut the
                            // CPU to a third but stalled a subscriber now and then (EventStreamIT), so it is out
                            .body((response, context) -> response.writeAndFlushWith(
                                    frames.map(frame -> Mono.just(buffer(frame)))));
                });
    }

    private Flux<String> frames(EventFilter filter, String who, String remote, String resume) {
        Flux<StreamEvent> live = hub.subscribe(filter, who); // registered now: before any replay is read
        Flux<String> events = resume == null ? live.map(EventStreamHandler::frame) : resumed(resume, filter, live);
        Flux<String> heartbeats = Flux.interval(properties.heartbeat()).map(i -> ": heartbeat\n\n");
        return Flux.concat(Mono.fromSupplier(() -> pacerFrame("event_stream_attached", Map.of("remoteAddress", remote))),
                Flux.merge(events, heartbeats));
    }

    private Flux<String> resumed(String resume, EventFilter filter, Flux<StreamEvent> live) {
        return oldest().map(Optional::of).defaultIfEmpty(Optional.empty()).flatMapMany(oldest -> {
            if (oldest.isPresent() && StreamEvent.compare(resume, oldest.get()) < 0) {
                Map<String, Object> reset = new LinkedHashMap<>();
                reset.put("lastEventId", resume);
                reset.put("oldestEventId", oldest.get());
                return Flux.concat(Mono.just(pacerFrame("event_stream_reset", reset)), live.map(EventStreamHandler::frame));
            }
            AtomicReference<String> last = new AtomicReference<>(resume);
            Flux<StreamEvent> replay = page(StreamEvent.next(resume))
                    .expand(page -> page.size() < properties.readBatch() ? Mono.empty()
                            : page(StreamEvent.next(page.get(page.size() - 1).id())))
                    .flatMapIterable(page -> page)
                    .doOnNext(event -> last.set(event.id()))
                    .filter(filter::accepts);
            return Flux.concat(replay, live.filter(event -> StreamEvent.compare(event.id(), last.get()) > 0))
                    .map(EventStreamHandler::frame);
        });
    }

    private Mono<List<StreamEvent>> page(String from) {
        return redis.opsForStream().range(RedisKeys.EVENT_STREAM, Range.rightUnbounded(Range.Bound.inclusive(from)),
                        Limit.limit().count(properties.readBatch()))
                .map(r -> StreamEvent.of(r.getId().getValue(), r.getValue()))
                .collectList();
    }

    private Mono<String> oldest() {
        return redis.opsForStream().range(RedisKeys.EVENT_STREAM, Range.unbounded(), Limit.limit().count(1))
                .next().map(r -> r.getId().getValue());
    }

    private static String frame(StreamEvent event) {
        return "id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + event.json() + "\n\n";
    }

    /** A frame of the stream itself (attached, reset): no stream id. */
    private String pacerFrame(String type, Map<String, Object> fields) {
        Map<String, Object> event = new LinkedHashMap<>(fields);
        event.put("eventType", type);
        event.put("timestamp", Timestamp.now(clock).toString());
        return "event: " + type + "\ndata: " + json.writeValueAsString(event) + "\n\n";
    }

    private static DataBuffer buffer(String frame) {
        return DefaultDataBufferFactory.sharedInstance.wrap(frame.getBytes(StandardCharsets.UTF_8));
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message", message));
    }

    private static PacerPrincipal pacerPrincipal(Principal principal) {
        return principal instanceof Authentication a && a.getPrincipal() instanceof PacerPrincipal p ? p : null;
    }
}
