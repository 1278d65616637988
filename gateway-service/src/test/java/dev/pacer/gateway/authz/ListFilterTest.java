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
    void theGroupWildcard_andAppArrays_areFilteredToo() {
        assertThat(run(Requirement.ListShape.STAR, "{\"*\":[{\"id\":\"/team-a/x\"},{\"id\":\"/team-b/x\"}]}"))
                .isEqualTo("{\"*\":[{\"id\":\"/team-a/x\"}]}");
        assertThat(run(Requirement.ListShape.APP_ARRAY, "[{\"id\":\"/team-b/x\",\"cmd\":\"secret\"},{\"id\":\"/team-a/y\"}]"))
                .isEqualTo("[{\"id\":\"/team-a/y\"}]");
    }

    /** An answer the filter cannot read is never passed on as it is. */
    @Test
    void aBodyThatIsNotTheExpectedJson_cannotBeFiltered() {
        assertThat(filter.filter(Requirement.ListShape.APPS, "oops".getBytes(StandardCharsets.UTF_8), teamA)).isNull();
        assertThat(filter.filter(Requirement.ListShape.APPS, "[{\"id\":\"/team-b\"}]".getBytes(StandardCharsets.UTF_8), teamA)).isNull();
        assertThat(filter.filter(Requirement.ListShape.GROUP, "[]".getBytes(StandardCharsets.UTF_8), teamA)).isNull();
        assertThat(filter.filter(Requirement.ListShape.DEPLOYMENTS, "{}".getBytes(StandardCharsets.UTF_8), teamA)).isNull();
    }

    @Test
    void groups_keepTheViewableSubtreesAndThePathToThem_withoutTheirDependencies() {
        String tree = "{\"id\":\"/\",\"apps\":[{\"id\":\"/x\"}],\"dependencies\":[\"/team-b/db\"],\"groups\":["
                + "{\"id\":\"/team-a\",\"apps\":[{\"id\":\"/team-a/w\"}],\"dependencies\":[\"/team-a/db\"]},"
                + "{\"id\":\"/team-b\",\"apps\":[{\"id\":\"/team-b/w\"}]}]}";
        assertThat(run(Requirement.ListShape.GROUP, tree)).isEqualTo("{\"id\":\"/\",\"apps\":[],\"dependencies\":[],\"groups\":["
                + "{\"id\":\"/team-a\",\"apps\":[{\"id\":\"/team-a/w\"}],\"dependencies\":[\"/team-a/db\"]}]}");
    }

    @Test
    void deployments_ofAViewableApp_showOnlyViewableApps() {
        String deployments = """
                [{"id":"d1","affectedApps":["/team-a/web","/team-b/web"],"affectedPods":[],
                  "steps":[{"actions":[{"action":"StartApplication","app":"/team-a/web"},{"action":"StartApplication","app":"/team-b/web"}]}],
                  "currentActions":[{"action":"StartApplication","app":"/team-b/web","readinessCheckResults":[]}],
                  "currentStep":1,"totalSteps":1,"pacer":{"phase":"canary","canaries":{"/team-b/web":1,"/team-a/web":1}}},
                 {"id":"d2","affectedApps":["/team-b/web"]}]""";
        String filtered = run(Requirement.ListShape.DEPLOYMENTS, deployments);
        assertThat(filtered).doesNotContain("team-b").doesNotContain("d2").contains("\"d1\"")
                .contains("\"affectedApps\":[\"/team-a/web\"]").contains("\"currentActions\":[]")
                .contains("\"canaries\":{\"/team-a/web\":1}");
    }

    @Test
    void secretsAndAuditEntries_areFilteredByPathAndApp() {
        assertThat(run(Requirement.ListShape.SECRETS, "[{\"path\":\"/team-a/db\"},{\"path\":\"/team-b/db\"},{\"path\":\"/Team-A/x\"}]"))
                .isEqualTo("[{\"path\":\"/team-a/db\"}]");
        assertThat(run(Requirement.ListShape.AUDIT, """
                [{"id":"1","path":"/team-a/db","appId":"/team-a/web"},{"id":"2","path":"/team-a/db","appId":"/team-b/web"},
                 {"id":"3","path":"/team-b/db","appId":"/team-a/web"},{"id":"4","path":null,"appId":"/team-a/web"},
                 {"id":"5","path":null,"appId":null}]""").replaceAll("\\s", ""))
                .isEqualTo("[{\"id\":\"1\",\"path\":\"/team-a/db\",\"appId\":\"/team-a/web\"},{\"id\":\"4\",\"path\":null,\"appId\":\"/team-a/web\"}]");
    }

    @Test
    void grantsOnTheRoot_areEverywhere() {
        Grants root = new AccessPolicy(List.of(new AuthzProperties.Rule(List.of("r"), List.of(), List.of("/"),
                Set.of(Action.VIEW))), true).grantsOf(new PacerPrincipal("r", Set.of()));
        assertThat(root.everywhere(Action.VIEW)).isTrue();
        assertThat(root.everywhere(Action.UPDATE)).isFalse();
        assertThat(teamA.everywhere(Action.VIEW)).isFalse();
    }

    @Test
    void theBootstrapAdmin_mayDoEverything_aNamesakeMayNot() {
        AccessPolicy policy = new AccessPolicy(List.of(new AuthzProperties.Rule(List.of(), List.of("a"), List.of("/team-a"),
                Set.of(Action.VIEW))), true);
        assertThat(policy.grantsOf(PacerPrincipal.admin("admin"))).isSameAs(Grants.ALL);
        assertThat(policy.grantsOf(new PacerPrincipal("admin", Set.of())).everywhere(Action.VIEW)).isFalse();
    }

    private String run(Requirement.ListShape shape, String body) {
        return new String(filter.filter(shape, body.getBytes(StandardCharsets.UTF_8), teamA), StandardCharsets.UTF_8);
    }
}
