package dev.pacer.agent.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths and limit files of cgroup v1, on a directory tree standing in for {@code /sys/fs/cgroup}. */
class CgroupV1Test {

    @TempDir
    Path mount;

    @Test
    void aRelativeParent_isTakenFromTheAgentsOwnCgroupOfEachController() throws IOException {
        for (String c : List.of("memory", "cpu", "pids", "freezer")) {
            Files.createDirectories(mount.resolve(c));
            Files.writeString(mount.resolve(c).resolve("cgroup.procs"), "");
        }
        Path procSelf = mount.resolve("self-cgroup");
        Files.writeString(procSelf, "4:memory:/jobs/42\n3:pids:/\n2:cpu,cpuacct:/\n1:freezer:/\n0::/\n");
        IsolationProperties properties = properties("pacer");
        IsolationSupport support = new IsolationSupport(IsolationLevel.CGROUPS, "test", 0, Path.of("/usr/bin/setpriv"));

        CgroupDriver driver = support.driver(properties, "agent-1", procSelf);

        assertThat(driver.version()).isEqualTo("v1");
        assertThat(driver.agentDirs()).containsExactly(mount.resolve("memory/jobs/42/pacer/agent-1"),
                mount.resolve("cpu/pacer/agent-1"), mount.resolve("pids/pacer/agent-1"), mount.resolve("freezer/pacer/agent-1"));
        CgroupDriver absolute = support.driver(properties("/pacer"), "agent-1", procSelf);
        assertThat(absolute.agentDirs().get(0)).isEqualTo(mount.resolve("memory/pacer/agent-1"));
    }

    @Test
    void create_writesTheLimits_memoryFromMem_sharesAndQuotaFromCpus_pidsMax() throws IOException {
        CgroupV1 driver = new CgroupV1(Map.of("memory", mount.resolve("m"), "cpu", mount.resolve("c"),
                "pids", mount.resolve("p"), "freezer", mount.resolve("f")));

        List<Path> dirs = driver.create("t1", new CgroupDriver.Limits(64L * 1024 * 1024, 0.25, 32, true));

        assertThat(dirs).containsExactly(mount.resolve("m/t1"), mount.resolve("c/t1"), mount.resolve("p/t1"), mount.resolve("f/t1"));
        assertThat(Files.readString(mount.resolve("m/t1/memory.limit_in_bytes"))).isEqualTo("67108864");
        assertThat(Files.readString(mount.resolve("c/t1/cpu.shares"))).isEqualTo("256");
        assertThat(Files.readString(mount.resolve("p/t1/pids.max"))).isEqualTo("32");
        assertThat(driver.procsFiles(dirs)).contains(mount.resolve("f/t1/cgroup.procs"));
        assertThat(driver.taskIds()).containsExactly("t1");
    }

    @Test
    void oomKills_areReadFromOomControl() throws IOException {
        Path memory = Files.createDirectories(mount.resolve("m/t"));
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        CgroupV1 driver = new CgroupV1(Map.of("memory", mount.resolve("m"), "cpu", mount.resolve("c"),
                "pids", mount.resolve("p"), "freezer", mount.resolve("f")));
        assertThat(driver.oomKills(List.of(memory))).isEqualTo(2);
    }

    @Test
    void properties_refuseAUidRangeReachingPrivilegedUids() {
        assertThatThrownBy(() -> new IsolationProperties(IsolationProperties.Mode.AUTO, "0-100", 512, true, true, "pacer",
                Path.of("/sys/fs/cgroup"), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IsolationProperties(IsolationProperties.Mode.AUTO, "50000-x", 512, true, true, "pacer",
                Path.of("/sys/fs/cgroup"), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(properties("pacer").firstUid()).isEqualTo(50000);
        assertThat(properties("pacer").lastUid()).isEqualTo(59999);
    }

    private IsolationProperties properties(String parent) {
        return new IsolationProperties(IsolationProperties.Mode.AUTO, "50000-59999", 512, true, true, parent, mount,
                Duration.ofSeconds(1));
    }
}
