package dev.pacer.scheduler.support;

import dev.pacer.scheduler.events.EventLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An {@link EventLog} that keeps the events in a list instead of appending them to the Redis stream
 * (it never touches Redis: its template is null; its size metric goes to a registry of its own). The
 * events' own shape is {@code EventLogIT}'s concern.
 */
public final class RecordingEventLog extends EventLog {

    /** One event as its producer handed it over. */
    public record Event(String type, Map<String, ?> fields, List<String> apps) {
    }

    private final List<Event> events = new ArrayList<>();

    public RecordingEventLog(Clock clock) {
        super(null, null, clock, null, new SimpleMeterRegistry());
    }

    @Override
    public synchronized String append(String eventType, Map<String, ?> fields, Collection<String> apps) {
        events.add(new Event(eventType, Map.copyOf(fields), List.copyOf(apps)));
        return Integer.toString(events.size());
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> types() {
        return events.stream().map(Event::type).toList();
    }
}
