package dev.pacer.contract.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.contract.ids.AppPath.Kind;
import org.junit.jupiter.api.Test;

class AppPathTest {

    @Test
    void theJavaClientsDoubleSlash_isTheSameApp() {
        assertThat(AppPath.parse("//team/web")).isEqualTo(AppPath.parse("/team/web"));
        assertThat(AppPath.parse("//team/web").app()).hasToString("/team/web");
        assertThat(AppPath.parse("/team/web").kind()).isEqualTo(Kind.APP);
    }

    @Test
    void suffixes_areRecognised() {
        assertThat(AppPath.parse("/web/tasks").kind()).isEqualTo(Kind.TASKS);
        AppPath task = AppPath.parse("//web/tasks/web.instance-1._app.1");
        assertThat(task.kind()).isEqualTo(Kind.TASK);
        assertThat(task.argument()).isEqualTo("web.instance-1._app.1");
        assertThat(task.app()).hasToString("/web");
        assertThat(AppPath.parse("/a/b/versions").kind()).isEqualTo(Kind.VERSIONS);
        AppPath version = AppPath.parse("/a/b/versions/2026-01-01T00:00:00.000Z");
        assertThat(version.kind()).isEqualTo(Kind.VERSION);
        assertThat(version.app()).hasToString("/a/b");
        assertThat(AppPath.parse("/a/restart").kind()).isEqualTo(Kind.RESTART);
    }

    @Test
    void aGroupWildcard_namesTheGroup() {
        AppPath all = AppPath.parse("/team/*");
        assertThat(all.kind()).isEqualTo(Kind.GROUP_WILDCARD);
        assertThat(all.app()).hasToString("/team");
    }

    @Test
    void theTasksOfAGroupWildcard_nameTheGroup() {
        AppPath tasks = AppPath.parse("/team/*/tasks");
        assertThat(tasks.kind()).isEqualTo(Kind.GROUP_WILDCARD_TASKS);
        assertThat(tasks.app()).hasToString("/team");
        assertThat(AppPath.parse("/*/tasks").app()).isEqualTo(AppId.ROOT);
    }

    @Test
    void anAppNamedLikeASuffixAlone_isAnApp() {
        assertThat(AppPath.parse("/tasks").kind()).isEqualTo(Kind.APP);
        assertThat(AppPath.parse("/versions").app()).hasToString("/versions");
    }

    @Test
    void percentEncodedLetters_decodeToTheSameApp() {
        assertThat(AppPath.parse("/te%61m-b/web")).isEqualTo(AppPath.parse("/team-b/web"));
        assertThat(AppPath.parse("/%74eam-b/%77eb/tasks").app()).hasToString("/team-b/web");
    }

    @Test
    void encodedSlashesDotsAndBadIds_areInvalid_neverAnotherApp() {
        for (String raw : new String[] {"/team-a%2Fteam-b/web", "/team-a/%2e%2e/team-b/web", "/team-a/../team-b/web",
                "/Team-B/web", "/team-b%00/web", "/te%6", "/team-b/./web", "/%C0%AF"}) {
            assertThatThrownBy(() -> AppPath.parse(raw)).as(raw).isInstanceOf(InvalidIdException.class);
        }
    }

    @Test
    void marathonsDeleteRestartQuirk_targetsTheAppEndingInRestart() {
        assertThat(AppPath.parse("/team/restart").target(true)).hasToString("/team/restart");
        AppPath suffixed = AppPath.parse("/team/web/restart");
        assertThat(suffixed.target(false)).hasToString("/team/web");
        assertThat(suffixed.target(true)).hasToString("/team/web/restart");
    }

    @Test
    void theRootWildcard_isTheRootGroup() {
        assertThat(AppPath.parse("/*").app().isRoot()).isTrue();
        assertThat(AppPath.parse("/*").kind()).isEqualTo(Kind.GROUP_WILDCARD);
    }
}
