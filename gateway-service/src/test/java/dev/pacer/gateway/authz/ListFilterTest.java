package dev.pacer.gateway.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.gateway.security.PacerPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ListFilterTest {

    final ListFilter filter = new ListFilter(JsonMapper.builder().build());
    final Grants teamA = new AccessPolicy(List.of(new AuthzProperties.Rule(List.of(), List.of("a"), List.of("/team-a"),
            Set.of(Action.VIEW))), true).grantsOf(new PacerPrincipal("u", Set.of("a")));

    @Test
    void apps_areKeptByIdPrefix_notByStringPrefix() {
        assertThat(run(Requirement.ListShape.APPS, "{\"apps\":[{\"id\":\"/team-a/x\"},{\"id\":\"/team-ab\"},{\"id\":\"/team-a\"}]}"))
                .isEqualTo("{\"apps\":[{\"id\":\"/team-a/x\"},{\"id\":\"/team-a\"}]}");
    }

    @Test
    void aBodyThatIsNotJson_isPassedOn() {
        assertThat(run(Requirement.ListShape.APPS, "oops")).isEqualTo("oops");
    }

    @Test
    void groups_keepTheViewableSubtreesAndThePathToThem() {
        String tree = "{\"id\":\"/\",\"apps\":[{\"id\":\"/x\"}],\"groups\":[{\"id\":\"/team-a\",\"apps\":[{\"id\":\"/team-a/w\"}]},"
                + "{\"id\":\"/team-b\",\"apps\":[{\"id\":\"/team-b/w\"}]}]}";
        assertThat(run(Requirement.ListShape.GROUP, tree))
                .isEqualTo("{\"id\":\"/\",\"apps\":[],\"groups\":[{\"id\":\"/team-a\",\"apps\":[{\"id\":\"/team-a/w\"}]}]}");
    }

    @Test
    void grantsOnTheRoot_areEverywhere() {
        Grants root = new AccessPolicy(List.of(new AuthzProperties.Rule(List.of("r"), List.of(), List.of("/"),
                Set.of(Action.VIEW))), true).grantsOf(new PacerPrincipal("r", Set.of()));
        assertThat(root.everywhere(Action.VIEW)).isTrue();
        assertThat(root.everywhere(Action.UPDATE)).isFalse();
        assertThat(teamA.everywhere(Action.VIEW)).isFalse();
    }

    private String run(Requirement.ListShape shape, String body) {
        return new String(filter.filter(shape, body.getBytes(StandardCharsets.UTF_8), teamA), StandardCharsets.UTF_8);
    }
}
