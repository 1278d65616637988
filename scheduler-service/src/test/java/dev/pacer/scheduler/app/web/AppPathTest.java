package dev.pacer.scheduler.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.scheduler.app.web.AppPath.Kind;
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
    void anAppNamedLikeASuffixAlone_isAnApp() {
        assertThat(AppPath.parse("/tasks").kind()).isEqualTo(Kind.APP);
        assertThat(AppPath.parse("/versions").app()).hasToString("/versions");
    }
}
