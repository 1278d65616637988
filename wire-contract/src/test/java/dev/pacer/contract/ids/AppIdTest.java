package dev.pacer.contract.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppIdTest {

    @Test
    void doubleSlashFromTheJavaClient_collapses() {
        assertThat(AppId.parse("//foo/bar")).hasToString("/foo/bar");
    }

    @Test
    void relativeId_isResolvedAgainstBase() {
        AppId base = AppId.parse("/prod/web");
        assertThat(AppId.parse("api", base)).hasToString("/prod/web/api");
        assertThat(AppId.parse("../db", base)).hasToString("/prod/db");
        assertThat(AppId.parse("./cache/", base)).hasToString("/prod/web/cache");
        assertThat(AppId.parse("foo")).hasToString("/foo");
    }

    @Test
    void trailingSlash_isStripped() {
        assertThat(AppId.parse("/a/b/")).isEqualTo(AppId.parse("/a/b"));
    }

    @Test
    void upperCaseOrUnderscore_isRejectedWithMarathonsMessage() {
        assertThatThrownBy(() -> AppId.parse("/Foo")).isInstanceOf(InvalidIdException.class)
                .hasMessageStartingWith("must fully match regular expression");
        assertThatThrownBy(() -> AppId.parse("/a_b")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> AppId.parse("/-a")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void dotsInsideASegment_areAllowed() {
        assertThat(AppId.parse("/a.b/c-d")).hasToString("/a.b/c-d");
    }

    @Test
    void climbingAboveRoot_isRejected() {
        assertThatThrownBy(() -> AppId.parse("../x")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void isUnder_comparesWholeSegments() {
        assertThat(AppId.parse("/team-a/web").isUnder(AppId.parse("/team-a"))).isTrue();
        assertThat(AppId.parse("/team-ab/web").isUnder(AppId.parse("/team-a"))).isFalse();
        assertThat(AppId.parse("/x").isUnder(AppId.ROOT)).isTrue();
    }

    @Test
    void safeId_joinsSegmentsWithUnderscore() {
        assertThat(AppId.parse("/my-group/my-app").safeId()).isEqualTo("my-group_my-app");
        assertThat(AppId.parse("/a/b").parent()).hasToString("/a");
    }
}
