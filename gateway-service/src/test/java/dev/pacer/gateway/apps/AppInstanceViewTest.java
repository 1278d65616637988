package dev.pacer.gateway.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppInstanceViewTest {

    final AppInstanceView view = new AppInstanceView();

    @Test
    void resolve_takesTheLongestKnownAppId() {
        view.replace("/team", List.of(up("t")), view.nextGeneration());
        view.replace("/team/web", List.of(up("w")), view.nextGeneration());
        assertThat(view.resolve(List.of("team", "web", "index.html"))).contains(new AppInstanceView.Match("/team/web", 2));
        assertThat(view.resolve(List.of("team", "other"))).contains(new AppInstanceView.Match("/team", 1));
        assertThat(view.resolve(List.of("nobody"))).isEmpty();
    }

    @Test
    void choose_roundRobinsOverUpInstancesOnly_andAvoidsTriedOnes() {
        view.replace("/a", List.of(up("1"), up("2"), new AppEndpoint("3", "h", 3, "STARTING"),
                new AppEndpoint("4", "h", 4, "OUT_OF_SERVICE")), view.nextGeneration());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            seen.add(view.choose("/a", Set.of()).orElseThrow().instanceId());
        }
        assertThat(seen).containsExactlyInAnyOrder("1", "2");
        assertThat(view.choose("/a", Set.of("1")).orElseThrow().instanceId()).isEqualTo("2");
    }

    @Test
    void anOlderFullResync_doesNotUndoANewerPerAppRefresh() {
        long resyncStarted = view.nextGeneration();
        view.replace("/a", List.of(up("new")), view.nextGeneration());
        view.replaceAll(Map.of("/a", List.of(up("old"))), resyncStarted);
        assertThat(view.up("/a")).extracting(AppEndpoint::instanceId).containsExactly("new");
        view.replaceAll(Map.of(), view.nextGeneration());
        assertThat(view.knows("/a")).isFalse();
    }

    @Test
    void remainder_keepsWhatFollowsTheAppId() {
        assertThat(AppTrafficFilter.remainder("/team/web/x/y", 2)).isEqualTo("/x/y");
        assertThat(AppTrafficFilter.remainder("/team/web", 2)).isEqualTo("/");
        assertThat(AppTrafficFilter.remainder("/team/web/", 2)).isEqualTo("/");
    }

    private static AppEndpoint up(String id) {
        return new AppEndpoint(id, "localhost", 1000 + id.hashCode() % 100 + 1, "UP");
    }
}
