package dev.pacer.gateway.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ids.AppId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BodyIdsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aGroupCreation_namesTheBodysGroup_resolvedAgainstThePath_andEverythingInside() {
        assertThat(read(Requirement.BodyShape.GROUP_CREATE, "{\"id\":\"/team-b/x\"}", "/team-a")).containsExactly(id("/team-b/x"));
        assertThat(read(Requirement.BodyShape.GROUP_CREATE, "{\"id\":\"../team-b/x\"}", "/team-a")).containsExactly(id("/team-b/x"));
        assertThat(read(Requirement.BodyShape.GROUP_CREATE, "{\"id\":\"x\"}", "/team-a")).containsExactly(id("/team-a/x"));
        assertThat(read(Requirement.BodyShape.GROUP_CREATE, """
                {"id":"/team-a","apps":[{"id":"web"},{"id":"/team-b/evil"}],
                 "groups":[{"id":"sub","apps":[{"id":"api"},{"id":"../../team-b/deep"}]}]}""", "/"))
                .containsExactly(id("/team-a"), id("/team-a/web"), id("/team-b/evil"), id("/team-a/sub"),
                        id("/team-a/sub/api"), id("/team-b/deep"));
        assertThat(read(Requirement.BodyShape.GROUP_CREATE, "{\"apps\":[]}", "/team-a")).containsExactly(id("/team-a"));
    }

    @Test
    void aGroupUpdate_isThePathsGroup_plusABodyIdWhenGiven() {
        assertThat(read(Requirement.BodyShape.GROUP_UPDATE, "{\"id\":\"/team-b\",\"apps\":[{\"id\":\"web\"}]}", "/team-a"))
                .containsExactly(id("/team-a"), id("/team-b"), id("/team-a/web"));
    }

    @Test
    void appWrites_nameTheirIds() {
        assertThat(read(Requirement.BodyShape.APP, "{\"id\":\"team-b/x\"}", "/")).containsExactly(id("/team-b/x"));
        assertThat(read(Requirement.BodyShape.APPS, "[{\"id\":\"/a/x\"},{\"id\":\"b/y\"}]", "/")).containsExactly(id("/a/x"), id("/b/y"));
        assertThat(read(Requirement.BodyShape.APP_UPDATE, "{\"id\":\"/team-b/web\"}", "/team-a")).containsExactly(id("/team-b/web"));
        assertThat(read(Requirement.BodyShape.APP_UPDATE, "{\"id\":\"web\",\"cmd\":\"x\"}", "/team-a")).containsExactly(id("/team-a/web"));
        assertThat(read(Requirement.BodyShape.APP_UPDATE, "{\"instances\":2}", "/team-a")).isEmpty();
        assertThat(BodyIds.read(Requirement.BodyShape.APP_UPDATE, null, id("/team-a"))).isEmpty();
        assertThat(read(Requirement.BodyShape.TASK_IDS,
                "{\"ids\":[\"team-b_web.instance-0f8e3d0e-2b43-4a86-9a4d-1a2b3c4d5e6f._app.1\"]}", "/")).containsExactly(id("/team-b/web"));
    }

    /** Never "names nothing": a body whose ids cannot be read is answered, not let through. */
    @Test
    void unreadableIds_are422_orMarathons400ForTaskIds() {
        assertRefused(Requirement.BodyShape.APP, "{\"id\":123}", 422, "error.expected.jsstring");
        assertRefused(Requirement.BodyShape.APP, "{\"id\":[\"/team-a\"]}", 422, "error.expected.jsstring");
        assertRefused(Requirement.BodyShape.APP, "{\"cmd\":\"x\"}", 422, "error.path.missing");
        assertRefused(Requirement.BodyShape.APP, "[{\"id\":\"/a\"}]", 422, "error.expected.jsobject");
        assertRefused(Requirement.BodyShape.APP, "{\"id\":\"/Team-B\"}", 422, "must fully match regular expression");
        assertRefused(Requirement.BodyShape.APP, "{\"id\":\"../x\"}", 422, "points above the root group");
        assertRefused(Requirement.BodyShape.APPS, "{\"id\":\"/a\"}", 422, "error.expected.jsarray");
        assertRefused(Requirement.BodyShape.APPS, "[{\"id\":\"/a\"},{\"id\":true}]", 422, "(1)/id");
        assertRefused(Requirement.BodyShape.APP_UPDATE, "{\"id\":7}", 422, "error.expected.jsstring");
        assertRefused(Requirement.BodyShape.GROUP_CREATE, "{\"id\":\"/team-a\",\"apps\":[{\"id\":5}]}", 422, "/apps(0)/id");
        assertRefused(Requirement.BodyShape.GROUP_CREATE, "{\"apps\":{\"id\":\"x\"}}", 422, "/apps");
        assertRefused(Requirement.BodyShape.GROUP_CREATE, "{\"groups\":[{\"apps\":[]}]}", 422, "/groups(0)/id");
        assertRefused(Requirement.BodyShape.GROUP_UPDATE, "{\"groups\":[{\"id\":\"s\",\"apps\":[{}]}]}", 422, "/groups(0)/apps(0)/id");
        assertRefused(Requirement.BodyShape.TASK_IDS, "{\"ids\":[42]}", 422, "/ids(0)");
        assertRefused(Requirement.BodyShape.TASK_IDS, "{}", 422, "/ids");
        assertRefused(Requirement.BodyShape.TASK_IDS, "{\"ids\":[\"nope\"]}", 400, "Invalid task id 'nope'.");
    }

    private static void assertRefused(Requirement.BodyShape shape, String body, int status, String text) {
        assertThatThrownBy(() -> read(shape, body, "/")).as(body).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(JSON.writeValueAsString(e.body())).contains(text);
        });
    }

    private static List<AppId> read(Requirement.BodyShape shape, String body, String base) {
        return BodyIds.read(shape, JSON.readTree(body), id(base));
    }

    private static AppId id(String id) {
        return AppId.parse(id);
    }
}
