package dev.pacer.agent.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths and limit files of cgroup v2, on a directory tree standing in for {@code /sys/fs/cgroup}. */
class CgroupV2Test {

    @TempDir
    Path mount;

    @Test
    void oneDirectoryPerTask_fromTheRoot_controllersEnabledDownToIt_andItsLimits() throws IOException {
        Files.writeString(mount.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        IsolationProperties properties = new IsolationProperties(IsolationProperties.Mode.AUTO, "50000-59999", 64, false,
                true, "pacer", mount, Duration.ofSeconds(1));
        Path procSelf = Files.writeString(mount.resolve("self-cgroup"), "0::/user.slice/agent.service\n");
        CgroupDriver driver = new IsolationSupport(IsolationLevel.CGROUPS, "test", 0, Path.of("/usr/bin/setpriv"))
                .driver(properties, "agent-1", procSelf);

        List<Path> dirs = driver.create("t1", new CgroupDriver.Limits(48L * 1024 * 1024, 0.5, 64, false));

        assertThat(driver.version()).isEqualTo("v2");
        assertThat(dirs).containsExactly(mount.resolve("pacer/agent-1/t1"));
        assertThat(Files.readString(mount.resolve("cgroup.subtree_control"))).isEqualTo("+memory +cpu +pids");
        assertThat(Files.readString(mount.resolve("pacer/agent-1/cgroup.subtree_control"))).isEqualTo("+memory +cpu +pids");
        Path task = dirs.get(0);
        assertThat(Files.readString(task.resolve("memory.max"))).isEqualTo("50331648");
        assertThat(Files.readString(task.resolve("cpu.max"))).isEqualTo("max 100000");
        assertThat(Files.readString(task.resolve("cpu.weight"))).isEqualTo("20");
        assertThat(Files.readString(task.resolve("pids.max"))).isEqualTo("64");
        Files.writeString(task.resolve("memory.events"), "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
        assertThat(driver.oomKills(dirs)).isEqualTo(1);
    }
}
