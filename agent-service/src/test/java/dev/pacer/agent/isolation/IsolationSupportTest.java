package dev.pacer.agent.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an agent isolates, decided from its uid, setpriv and the cgroups it finds (a stand-in tree here). */
class IsolationSupportTest {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @TempDir
    Path mount;

    @Test
    void anAgentThatIsNotRoot_isolatesNothing_andSaysWhy_unlessCgroupsAreRequired() {
        IsolationSupport laptop = IsolationSupport.detect(properties(IsolationProperties.Mode.AUTO), 1000, SETPRIV);
        assertThat(laptop.level()).isEqualTo(IsolationLevel.NONE);
        assertThat(laptop.reason()).isEqualTo("agent not root");
        assertThat(laptop.level().attributeValue()).isEqualTo("none");
        assertThatThrownBy(() -> IsolationSupport.detect(properties(IsolationProperties.Mode.CGROUPS), 1000, SETPRIV))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("agent not root");
    }

    @Test
    void root_withoutSetpriv_isolatesNothing_withoutCgroups_runsTasksAsUsersOnly() {
        IsolationSupport noSetpriv = IsolationSupport.detect(properties(IsolationProperties.Mode.AUTO), 0, null);
        assertThat(noSetpriv.level()).isEqualTo(IsolationLevel.NONE);
        assertThat(noSetpriv.reason()).isEqualTo("no setpriv (util-linux)");
        IsolationSupport container = IsolationSupport.detect(properties(IsolationProperties.Mode.AUTO), 0, SETPRIV);
        assertThat(container.level()).isEqualTo(IsolationLevel.USERS);
        assertThat(container.level().attributeValue()).isEqualTo("users");
        assertThat(container.reason()).startsWith("users only: no cgroup v1 memory hierarchy");
        assertThatThrownBy(() -> IsolationSupport.detect(properties(IsolationProperties.Mode.CGROUPS), 0, SETPRIV))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no cgroup v1 memory hierarchy");
        assertThat(IsolationSupport.detect(properties(IsolationProperties.Mode.NONE), 0, SETPRIV).level())
                .isEqualTo(IsolationLevel.NONE);
    }

    @Test
    void root_withEveryCgroupV1Controller_orCgroupV2_isolates() throws IOException {
        for (String c : new String[] {"memory", "cpu", "pids", "freezer"}) {
            Files.createDirectories(mount.resolve(c));
            Files.writeString(mount.resolve(c).resolve("cgroup.procs"), "");
        }
        IsolationSupport v1 = IsolationSupport.detect(properties(IsolationProperties.Mode.AUTO), 0, SETPRIV);
        assertThat(v1.level()).isEqualTo(IsolationLevel.CGROUPS);
        assertThat(v1.reason()).isEqualTo("cgroup v1");
        assertThat(v1.level().attributeValue()).isEqualTo("cgroups");

        Files.writeString(mount.resolve("cgroup.controllers"), "cpu io memory\n");
        assertThat(IsolationSupport.detect(properties(IsolationProperties.Mode.AUTO), 0, SETPRIV).reason())
                .isEqualTo("users only: cgroup v2 without the pids controller");
        Files.writeString(mount.resolve("cgroup.controllers"), "cpu io memory pids\n");
        assertThat(IsolationSupport.detect(properties(IsolationProperties.Mode.AUTO), 0, SETPRIV).reason())
                .isEqualTo("cgroup v2");
    }

    private IsolationProperties properties(IsolationProperties.Mode mode) {
        return new IsolationProperties(mode, "50000-59999", 512, true, true, "pacer", mount, Duration.ofSeconds(1));
    }
}
