package dev.pacer.contract.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.contract.ids.GroupPath.Kind;
import org.junit.jupiter.api.Test;

class GroupPathTest {

    @Test
    void reads_haveTheVersionsAndAppsSuffixes() {
        assertThat(GroupPath.parse("", true)).isEqualTo(new GroupPath(AppId.ROOT, Kind.GROUP, null));
        assertThat(GroupPath.parse("/versions", true)).isEqualTo(new GroupPath(AppId.ROOT, Kind.VERSIONS, null));
        assertThat(GroupPath.parse("//team/versions/v1", true)).isEqualTo(new GroupPath(AppId.parse("/team"), Kind.VERSION, "v1"));
        assertThat(GroupPath.parse("/team/apps", true)).isEqualTo(new GroupPath(AppId.parse("/team"), Kind.APPS, null));
        assertThat(GroupPath.parse("/apps", true)).isEqualTo(new GroupPath(AppId.ROOT, Kind.APPS, null));
    }

    @Test
    void writes_nameTheWholePath() {
        assertThat(GroupPath.parse("/team/versions", false).group()).hasToString("/team/versions");
        assertThat(GroupPath.parse("/team/apps", false).group()).hasToString("/team/apps");
        assertThat(GroupPath.parse("/te%61m-b", false).group()).hasToString("/team-b");
    }

    @Test
    void badSpellings_areInvalid() {
        assertThatThrownBy(() -> GroupPath.parse("/team-a/%2e%2e/team-b", false)).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> GroupPath.parse("/Team-B", true)).isInstanceOf(InvalidIdException.class);
    }
}
