package dev.pacer.gateway.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RequestClassifierTest {

    @Test
    void appPaths_mapToTheirActionOnTheAppId() {
        assertThat(classify(HttpMethod.GET, "/v2/apps/a/b")).isEqualTo(Requirement.onApp(Action.VIEW, id("/a/b")));
        assertThat(classify(HttpMethod.GET, "/v2/apps/a/b/tasks")).isEqualTo(Requirement.onApp(Action.VIEW, id("/a/b")));
        assertThat(classify(HttpMethod.HEAD, "/v2/apps/a/b/versions/2020-01-01T00:00:00.000Z"))
                .isEqualTo(Requirement.onApp(Action.VIEW, id("/a/b")));
        assertThat(classify(HttpMethod.PUT, "/v2/apps/a/b"))
                .isEqualTo(Requirement.body(Action.UPDATE, Requirement.BodyShape.APP_UPDATE, id("/a"), id("/a/b")));
        assertThat(classify(HttpMethod.PATCH, "/v2/apps/a/b").targets()).containsExactly(Resource.of(id("/a/b")));
        assertThat(classify(HttpMethod.DELETE, "/v2/apps/a/b")).isEqualTo(Requirement.onApp(Action.DELETE, id("/a/b")));
        assertThat(classify(HttpMethod.POST, "/v2/apps/a/b/restart")).isEqualTo(Requirement.onApp(Action.UPDATE, id("/a/b")));
        assertThat(classify(HttpMethod.DELETE, "/v2/apps/a/b/restart")).isEqualTo(Requirement.onApp(Action.DELETE, id("/a/b/restart")));
        assertThat(classify(HttpMethod.DELETE, "/v2/apps/a/b/tasks")).isEqualTo(Requirement.onApp(Action.KILL, id("/a/b")));
        assertThat(classify(HttpMethod.DELETE, "/v2/apps/a/b/tasks/a_b.instance-1._app.1"))
                .isEqualTo(Requirement.onApp(Action.KILL, id("/a/b")));
    }

    /** The scheduler decodes path ids; so does the gateway, with the same parser: no spelling escapes the check. */
    @Test
    void percentEncodedAndDoubledSpellings_nameTheSameApp() {
        Requirement plain = classify(HttpMethod.PUT, "/v2/apps/team-b/web");
        for (String spelling : List.of("/v2/apps/te%61m-b/web", "/v2/apps//team-b/web", "/v2/apps/%74%65%61%6d-b/web/",
                "/v2/apps/team-b//web")) {
            assertThat(classify(HttpMethod.PUT, spelling)).as(spelling).isEqualTo(plain);
        }
        assertThat(classify(HttpMethod.DELETE, "/v2/groups/te%61m-b")).isEqualTo(Requirement.onApp(Action.DELETE, id("/team-b")));
        assertThat(classify(HttpMethod.DELETE, "/v2/queue/te%61m-b/web/delay")).isEqualTo(Requirement.onApp(Action.UPDATE, id("/team-b/web")));
    }

    @Test
    void anIdThatDoesNotParse_isUnreadable_neverOpen() {
        for (String path : List.of("/v2/apps/Not_Valid", "/v2/apps/Team-B/web", "/v2/apps/team-a/%2e%2e/team-b/web",
                "/v2/apps/team-a%2Fteam-b", "/v2/apps/te%zzam", "/v2/groups/team-a/../team-b", "/v2/queue/X/delay",
                "/v2/apps/Team-B/*/tasks")) {
            assertThat(classify(HttpMethod.PUT, path).kind()).as(path).isEqualTo(Requirement.Kind.UNREADABLE);
            assertThat(classify(HttpMethod.GET, path).kind()).as(path).isEqualTo(Requirement.Kind.UNREADABLE);
        }
    }

    @Test
    void creationsAndBulkWrites_readTheirTargetsFromTheBody() {
        assertThat(classify(HttpMethod.POST, "/v2/apps").body()).isEqualTo(Requirement.BodyShape.APP);
        assertThat(classify(HttpMethod.PUT, "/v2/apps").body()).isEqualTo(Requirement.BodyShape.APPS);
        assertThat(classify(HttpMethod.PATCH, "/v2/apps").body()).isEqualTo(Requirement.BodyShape.APPS);
        assertThat(classify(HttpMethod.POST, "/v2/tasks/delete").body()).isEqualTo(Requirement.BodyShape.TASK_IDS);
        assertThat(classify(HttpMethod.POST, "/v2/groups"))
                .isEqualTo(Requirement.body(Action.CREATE, Requirement.BodyShape.GROUP_CREATE, AppId.ROOT));
        assertThat(classify(HttpMethod.POST, "/v2/groups/team-a"))
                .isEqualTo(Requirement.body(Action.CREATE, Requirement.BodyShape.GROUP_CREATE, id("/team-a")));
        assertThat(classify(HttpMethod.PUT, "/v2/groups/g"))
                .isEqualTo(Requirement.body(Action.UPDATE, Requirement.BodyShape.GROUP_UPDATE, id("/g"), id("/g")));
        assertThat(classify(HttpMethod.PUT, "/v2/groups/g/versions").base()).isEqualTo(id("/g/versions"));
    }

    @Test
    void everyReadIsClassified_listsAreFilteredInTheirScope() {
        assertThat(classify(HttpMethod.GET, "/v2/apps")).isEqualTo(Requirement.list(Requirement.ListShape.APPS, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/apps/*")).isEqualTo(Requirement.list(Requirement.ListShape.STAR, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/apps/team-a/*")).isEqualTo(Requirement.list(Requirement.ListShape.STAR, id("/team-a")));
        assertThat(classify(HttpMethod.GET, "/v2/apps/team-a/*/tasks")).isEqualTo(Requirement.list(Requirement.ListShape.TASKS, id("/team-a")));
        assertThat(classify(HttpMethod.GET, "/v2/tasks")).isEqualTo(Requirement.list(Requirement.ListShape.TASKS, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/queue")).isEqualTo(Requirement.list(Requirement.ListShape.QUEUE, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/deployments")).isEqualTo(Requirement.list(Requirement.ListShape.DEPLOYMENTS, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/groups")).isEqualTo(Requirement.list(Requirement.ListShape.GROUP, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/groups/x")).isEqualTo(Requirement.list(Requirement.ListShape.GROUP, id("/x")));
        assertThat(classify(HttpMethod.GET, "/v2/groups/x/versions/v1")).isEqualTo(Requirement.list(Requirement.ListShape.GROUP, id("/x")));
        assertThat(classify(HttpMethod.GET, "/v2/groups/apps")).isEqualTo(Requirement.list(Requirement.ListShape.APP_ARRAY, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/groups/x/apps")).isEqualTo(Requirement.list(Requirement.ListShape.APP_ARRAY, id("/x")));
        assertThat(classify(HttpMethod.GET, "/v2/groups/x/versions")).isEqualTo(Requirement.onApp(Action.VIEW, id("/x")));
        assertThat(classify(HttpMethod.GET, "/v2/groups/versions")).isEqualTo(Requirement.onApp(Action.VIEW, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/v2/info")).isEqualTo(Requirement.AUTHENTICATED);
        assertThat(classify(HttpMethod.GET, "/v2/leader")).isEqualTo(Requirement.AUTHENTICATED);
    }

    @Test
    void whatIsNoAppsBusiness_isAnOperators() {
        for (String path : List.of("/metrics", "/v2/events", "/v2/pods", "/v2/plugins", "/v2/queue/x", "/v2/deployments/d1",
                "/v2/APPS/team-b/web", "/v2/app%73/team-b/web", "/v2/eventSubscriptions", "/v2/schemas/app")) {
            assertThat(classify(HttpMethod.GET, path)).as(path).isEqualTo(Requirement.root(Action.VIEW));
        }
        for (String path : List.of("/v2/leader", "/v2/deployments/d1", "/v2/deployments/d1/promote", "/v2/tasks", "/v2/queue",
                "/v2/apps/x/y/tasks/z/w", "/v2/info", "/ping")) {
            assertThat(classify(HttpMethod.DELETE, path).action()).as(path).isNotNull();
        }
        assertThat(classify(HttpMethod.DELETE, "/v2/leader")).isEqualTo(Requirement.root(Action.UPDATE));
        assertThat(classify(HttpMethod.POST, "/v2/deployments/d1/promote")).isEqualTo(Requirement.root(Action.UPDATE));
        assertThat(classify(HttpMethod.DELETE, "/v2/deployments/d1")).isEqualTo(Requirement.root(Action.UPDATE));
        assertThat(classify(HttpMethod.DELETE, "/v2/apps")).isEqualTo(Requirement.root(Action.UPDATE));
    }

    private static Requirement classify(HttpMethod method, String path) {
        return RequestClassifier.classify(method, path);
    }

    private static AppId id(String id) {
        return AppId.parse(id);
    }
}
