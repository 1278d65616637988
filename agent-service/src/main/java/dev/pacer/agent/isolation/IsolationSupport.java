package dev.pacer.agent.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this machine lets the agent isolate, found once at start-up: whether the agent is root, which
 * cgroup version is mounted (v2 when {@code <mount>/cgroup.controllers} exists), and where {@code setpriv} is.
 *
 * @param level   what the agent will isolate
 * @param reason  why (logged once at start)
 * @param agentUid the agent's own uid
 */
public record IsolationSupport(IsolationLevel level, String reason, int agentUid, Path setpriv) {

    private static final List<Path> SETPRIV = List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));

    public static IsolationSupport detect(IsolationProperties properties) {
        return detect(properties, ownUid(), SETPRIV.stream().filter(Files::isExecutable).findFirst().orElse(null));
    }

    static IsolationSupport detect(IsolationProperties properties, int uid, Path setpriv) {
        if (properties.mode() == IsolationProperties.Mode.NONE) {
            return new IsolationSupport(IsolationLevel.NONE, "switched off (" + IsolationProperties.PREFIX + ".mode=none)",
                    uid, setpriv);
        }
        String missing = uid != 0 ? "agent not root"
                : setpriv == null ? "no setpriv (util-linux)"
                : unusableCgroups(properties.cgroupMount()).orElse(null);
        if (missing != null) {
            if (properties.mode() == IsolationProperties.Mode.CGROUPS) {
                throw new IllegalStateException(IsolationProperties.PREFIX + ".mode=cgroups but isolation is impossible: "
                        + missing);
            }
            // root with setpriv but no usable cgroups (an unprivileged container): tasks still never run as root
            IsolationLevel level = uid == 0 && setpriv != null ? IsolationLevel.USERS : IsolationLevel.NONE;
            return new IsolationSupport(level, level == IsolationLevel.USERS ? "users only: " + missing : missing, uid, setpriv);
        }
        return new IsolationSupport(IsolationLevel.CGROUPS, version(properties.cgroupMount()), uid, setpriv);
    }

    /** The driver for this agent's tasks, {@code <parent>/<agentId>} in each hierarchy. */
    CgroupDriver driver(IsolationProperties properties, String agentId, Path procSelfCgroup) throws IOException {
        Path mount = properties.cgroupMount();
        String parent = properties.cgroupParent();
        if (Files.exists(mount.resolve("cgroup.controllers"))) {
            Path base = parent.startsWith("/") ? mount.resolve(parent.substring(1)) : mount.resolve(parent);
            return new CgroupV2(mount, base.resolve(agentId));
        }
        Map<String, String> own = ownCgroups(procSelfCgroup);
        Map<String, Path> dirs = new HashMap<>();
        for (String controller : CgroupV1.CONTROLLERS) {
            Path root = mount.resolve(controller);
            Path base = parent.startsWith("/") ? root.resolve(parent.substring(1))
                    : root.resolve(own.getOrDefault(controller, "/").substring(1)).resolve(parent);
            dirs.put(controller, base.resolve(agentId));
        }
        return new CgroupV1(dirs);
    }

    private static String version(Path mount) {
        return Files.exists(mount.resolve("cgroup.controllers")) ? "cgroup v2" : "cgroup v1";
    }

    private static Optional<String> unusableCgroups(Path mount) {
        if (Files.exists(mount.resolve("cgroup.controllers"))) {
            String controllers = CgroupDriver.read(mount.resolve("cgroup.controllers"));
            for (String c : List.of("memory", "cpu", "pids")) {
                if (!List.of(controllers.trim().split("\\s+")).contains(c)) {
                    return Optional.of("cgroup v2 without the " + c + " controller");
                }
            }
            return Files.isWritable(mount) ? Optional.empty() : Optional.of(mount + " is read-only");
        }
        for (String controller : CgroupV1.CONTROLLERS) {
            Path dir = mount.resolve(controller);
            if (!Files.exists(dir.resolve("cgroup.procs"))) {
                return Optional.of("no cgroup v1 " + controller + " hierarchy at " + dir);
            }
            if (!Files.isWritable(dir)) {
                return Optional.of(dir + " is read-only");
            }
        }
        return Optional.empty();
    }

    /** controller to the agent's own cgroup path, from {@code /proc/self/cgroup} ({@code 4:memory:/a/b}). */
    static Map<String, String> ownCgroups(Path procSelfCgroup) throws IOException {
        Map<String, String> own = new HashMap<>();
        for (String line : Files.readAllLines(procSelfCgroup)) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3) {
                for (String controller : parts[1].split(",")) {
                    own.put(controller, parts[2]);
                }
            }
        }
        return own;
    }

    /** The agent's uid from {@code /proc/self/status}; -1 where there is no such file (not Linux). */
    static int ownUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]); // the effective uid
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
