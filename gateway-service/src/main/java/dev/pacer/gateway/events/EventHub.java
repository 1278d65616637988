package dev.pacer.gateway.events;

import dev.pacer.contract.RedisKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.serializer.RedisSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The one reader of the event stream in this gateway: a thread that {@code XREAD BLOCK}s on a
 * dedicated connection from where it started (the newest entry then), and hands each entry to every
 * subscriber whose {@link EventFilter} accepts it. Each subscriber has a bounded buffer: one that does
 * not keep up is cut off (a WARN line, {@code pacer.gateway.events.dropped}) and the others never wait
 * for it. The reader never stops on a Redis error: it retries from the last id it delivered, so an
 * outage delays events and loses none that the stream still holds.
 */
public class EventHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final RedisConnectionFactory redis;
    private final EventStreamProperties properties;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Counter dropped;
    private volatile boolean running;
    private volatile String lastId;
    private Thread reader;

    public EventHub(RedisConnectionFactory redis, EventStreamProperties properties, MeterRegistry registry) {
        this.redis = redis;
        this.properties = properties;
        this.dropped = Counter.builder("pacer.gateway.events.dropped")
                .description("SSE subscribers cut off because they read slower than events came").register(registry);
        registry.gauge("pacer.gateway.events.subscribers", count);
    }

    /**
     * A live feed of the events the filter accepts, from now on (entries the reader hands out after
     * this call). It ends with an error when the subscriber falls {@code buffer-size} events behind.
     */
    Flux<StreamEvent> subscribe(EventFilter filter, String who) {
        Subscriber subscriber = new Subscriber(filter, who,
                Sinks.many().unicast().onBackpressureBuffer(Queues.<StreamEvent>get(properties.bufferSize()).get()),
                Sinks.empty());
        subscribers.add(subscriber);
        count.incrementAndGet();
        // the cut-off error comes at once, not after the buffered events (which the subscriber cannot take)
        return Flux.merge(subscriber.sink.asFlux(), subscriber.cut.asMono().then(Mono.<StreamEvent>error(new SlowSubscriberException())))
                .doFinally(signal -> remove(subscriber));
    }

    private void remove(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            count.decrementAndGet();
        }
    }

    @Override
    public void start() {
        lastId = newestId();
        running = true;
        reader = new Thread(this::readLoop, "pacer-events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        if (reader != null) {
            reader.interrupt();
        }
        subscribers.forEach(s -> s.sink.tryEmitComplete());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private String newestId() {
        try (RedisConnection connection = redis.getConnection()) {
            List<ByteRecord> newest = connection.streamCommands().xRevRange(key(), Range.unbounded(), Limit.limit().count(1));
            return newest == null || newest.isEmpty() ? "0-0" : newest.get(0).getId().getValue();
        } catch (RuntimeException e) {
            log.warn("Event stream: newest entry not read ({}); starting from the beginning of the stream", e.getMessage());
            return "0-0";
        }
    }

    private void readLoop() {
        RedisConnection connection = null;
        long failures = 0;
        while (running) {
            try {
                if (connection == null) {
                    connection = redis.getConnection();
                }
                List<ByteRecord> records = connection.streamCommands().xRead(
                        StreamReadOptions.empty().count(properties.readBatch()).block(properties.readBlock()),
                        StreamOffset.create(key(), ReadOffset.from(lastId)));
                failures = 0;
                if (records != null) {
                    for (ByteRecord record : records) {
                        StreamEvent event = StreamEvent.of(record.getId().getValue(), record.deserialize(
                                RedisSerializer.string()).getValue());
                        deliver(event);
                        lastId = event.id();
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (failures++ % 30 == 0) {
                    log.warn("Event stream: read failed ({}); retrying from {}", e.getMessage(), lastId);
                }
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (RuntimeException ignored) {
                        // closing a broken connection
                    }
                    connection = null;
                }
                LockSupport.parkNanos(1_000_000_000L);
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    private void deliver(StreamEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.filter.accepts(event)) {
                continue;
            }
            Sinks.EmitResult result = subscriber.sink.tryEmitNext(event);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                remove(subscriber);
                dropped.increment();
                log.warn("Event stream subscriber {} cut off: {} events behind", subscriber.who, properties.bufferSize());
                subscriber.cut.tryEmitEmpty();
            } else if (result.isFailure()) {
                remove(subscriber); // cancelled or terminated: it is gone
            }
        }
    }

    private static byte[] key() {
        return RedisKeys.EVENT_STREAM.getBytes(StandardCharsets.UTF_8);
    }

    /** The subscriber read slower than events came and was cut off. */
    static final class SlowSubscriberException extends RuntimeException {
        SlowSubscriberException() {
            super("slow subscriber cut off", null, false, false);
        }
    }

    private record Subscriber(EventFilter filter, String who, Sinks.Many<StreamEvent> sink, Sinks.Empty<Void> cut) {
    }
}
