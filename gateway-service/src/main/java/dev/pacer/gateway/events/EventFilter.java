package dev.pacer.gateway.events;

import dev.pacer.contract.ids.AppId;
import dev.pacer.gateway.authz.Action;
import dev.pacer.gateway.authz.Grants;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which events one subscriber gets, decided in memory per event: Marathon's {@code event_type} filter,
 * Pacer's {@code app=/prefix} filter, and the subscriber's {@code view} grants. An event is shown to a
 * principal that may view every app it concerns (an event about no app, or about an app id that cannot
 * be read, only to one that may view everything), so no other team's app id ever reaches them.
 *
 * @param types    event types asked for; empty: all
 * @param prefixes app-id prefixes asked for; empty: all
 */
record EventFilter(Set<String> types, List<AppId> prefixes, Grants grants) {

    EventFilter {
        types = Set.copyOf(types);
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(grants, "grants");
    }

    boolean accepts(StreamEvent event) {
        if (!types.isEmpty() && !types.contains(event.type())) {
            return false;
        }
        if (!prefixes.isEmpty() && event.apps().stream().noneMatch(app -> app != null && prefixes.stream().anyMatch(app::isUnder))) {
            return false;
        }
        if (grants.everywhere(Action.VIEW)) {
            return true;
        }
        return !event.apps().isEmpty() && event.apps().stream().allMatch(app -> app != null && grants.allows(Action.VIEW, app));
    }
}
