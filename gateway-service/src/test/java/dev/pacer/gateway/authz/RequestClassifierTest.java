package dev.pacer.gateway.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RequestClassifierTest {

    @Test
    void appPaths_mapToTheirActionOnTheAppId() {
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/apps/a/b")).isEqualTo(Requirement.on(Action.VIEW, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/apps/a/b/tasks")).isEqualTo(Requirement.on(Action.VIEW, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/apps/a/b/versions/2020-01-01T00:00:00.000Z"))
                .isEqualTo(Requirement.on(Action.VIEW, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.PUT, "/v2/apps/a/b")).isEqualTo(Requirement.on(Action.UPDATE, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.PATCH, "/v2/apps/a/b")).isEqualTo(Requirement.on(Action.UPDATE, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.DELETE, "/v2/apps/a/b")).isEqualTo(Requirement.on(Action.DELETE, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.POST, "/v2/apps/a/b/restart")).isEqualTo(Requirement.on(Action.UPDATE, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.DELETE, "/v2/apps/a/b/tasks")).isEqualTo(Requirement.on(Action.KILL, id("/a/b")));
        assertThat(RequestClassifier.classify(HttpMethod.DELETE, "/v2/apps/a/b/tasks/a_b.instance-1._app.1"))
                .isEqualTo(Requirement.on(Action.KILL, id("/a/b")));
    }

    @Test
    void creationsAndBulkWrites_readTheirTargetsFromTheBody() {
        assertThat(RequestClassifier.classify(HttpMethod.POST, "/v2/apps").body()).isEqualTo(Requirement.BodyTargets.APP);
        assertThat(RequestClassifier.classify(HttpMethod.PUT, "/v2/apps").body()).isEqualTo(Requirement.BodyTargets.APPS);
        assertThat(RequestClassifier.classify(HttpMethod.POST, "/v2/tasks/delete").body()).isEqualTo(Requirement.BodyTargets.TASK_IDS);
        assertThat(RequestClassifier.classify(HttpMethod.POST, "/v2/groups").body()).isEqualTo(Requirement.BodyTargets.GROUP);
        assertThat(RequestClassifier.classify(HttpMethod.PUT, "/v2/groups/g")).isEqualTo(Requirement.on(Action.UPDATE, id("/g")));
    }

    @Test
    void lists_areFiltered_andInfoIsOpen_andUnknownWritesNeedTheRoot() {
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/apps").list()).isEqualTo(Requirement.ListShape.APPS);
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/tasks").list()).isEqualTo(Requirement.ListShape.TASKS);
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/queue").list()).isEqualTo(Requirement.ListShape.QUEUE);
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/deployments").list()).isEqualTo(Requirement.ListShape.DEPLOYMENTS);
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/groups/x").list()).isEqualTo(Requirement.ListShape.GROUP);
        assertThat(RequestClassifier.classify(HttpMethod.GET, "/v2/info").open()).isTrue();
        assertThat(RequestClassifier.classify(HttpMethod.DELETE, "/v2/leader")).isEqualTo(Requirement.on(Action.UPDATE, AppId.ROOT));
    }

    @Test
    void anIdThatIsNoAppId_isLeftToTheScheduler() {
        assertThat(RequestClassifier.classify(HttpMethod.PUT, "/v2/apps/Not_Valid").open()).isTrue();
    }

    private static AppId id(String id) {
        return AppId.parse(id);
    }
}
