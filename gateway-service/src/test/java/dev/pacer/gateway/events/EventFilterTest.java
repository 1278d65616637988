package dev.pacer.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.gateway.authz.AccessPolicy;
import dev.pacer.gateway.authz.Action;
import dev.pacer.gateway.authz.AuthzProperties;
import dev.pacer.gateway.authz.Grants;
import dev.pacer.gateway.security.PacerPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final Grants TEAM_A = new AccessPolicy(List.of(new AuthzProperties.Rule(List.of(), List.of("team-a"),
            List.of("/team-a"), Set.of(Action.VIEW))), true).grantsOf(new PacerPrincipal("alice", Set.of("team-a")));

    private static StreamEvent event(String type, String apps) {
        return StreamEvent.of("1-0", Map.of(RedisKeys.EVENT_TYPE_FIELD, type, RedisKeys.EVENT_APPS_FIELD, apps,
                RedisKeys.EVENT_FIELD, "{}"));
    }

    @Test
    void typesAndPrefixes_filter_andAPrefixIsWholeSegments() {
        EventFilter filter = new EventFilter(Set.of("status_update_event"), List.of(AppId.parse("/a")), Grants.ALL);
        assertThat(filter.accepts(event("status_update_event", "/a/web"))).isTrue();
        assertThat(filter.accepts(event("status_update_event", "/ab"))).isFalse();
        assertThat(filter.accepts(event("api_post_event", "/a/web"))).isFalse();
        assertThat(new EventFilter(Set.of(), List.of(), Grants.ALL).accepts(event("x", ""))).isTrue();
    }

    @Test
    void aTeamSeesAnEvent_onlyWhenItMayViewEveryAppItConcerns() {
        EventFilter filter = new EventFilter(Set.of(), List.of(), TEAM_A);
        assertThat(filter.accepts(event("status_update_event", "/team-a/web"))).isTrue();
        assertThat(filter.accepts(event("status_update_event", "/team-b/web"))).isFalse();
        assertThat(filter.accepts(event("deployment_info", "/team-a/web,/team-b/web"))).isFalse();
        assertThat(filter.accepts(event("scheduler_event", ""))).isFalse();
        assertThat(filter.accepts(event("status_update_event", "not an id"))).isFalse();
    }

    @Test
    void streamIds_compareNumerically_andNextExcludesTheId() {
        assertThat(StreamEvent.compare("10-0", "9-5")).isPositive();
        assertThat(StreamEvent.compare("9-10", "9-9")).isPositive();
        assertThat(StreamEvent.compare("9-9", "9-9")).isZero();
        assertThat(StreamEvent.next("9-9")).isEqualTo("9-10");
        assertThat(StreamEvent.isId("1733152585476-0")).isTrue();
        assertThat(StreamEvent.isId("1733152585476")).isFalse();
        assertThat(StreamEvent.isId("99999999999999999999-0")).isFalse();
        assertThat(StreamEvent.isId("a-0")).isFalse();
    }
}
