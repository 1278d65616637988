package dev.pacer.agent.isolation;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the agent isolates process tasks from each other and from itself.
 *
 * @param mode             {@code auto} (the default: cgroups and a user per app when the agent runs as root,
 *                         none otherwise), {@code cgroups} (refuse to start without them) or {@code none}
 * @param uidRange         {@code first-last}: the uids tasks without a usable {@code user} run as, one per app
 *                         (no {@code /etc/passwd} entry needed; uids that have one are skipped)
 * @param pidsMax          {@code pids.max} of every task's cgroup: processes and threads the task may have at once
 * @param cpuQuota         whether {@code cpus} is also a hard limit (CFS quota), not only a weight (shares)
 * @param noNewPrivileges  tasks run with {@code no_new_privs}: a setuid program cannot raise their privileges
 * @param cgroupParent     the cgroup tasks' cgroups are created under ({@code <parent>/<agent id>/<task id>}); a
 *                         relative path is taken from the agent's own cgroup (cgroup v1) or the hierarchy's root
 *                         (cgroup v2, where a cgroup holding processes cannot hand controllers to children)
 * @param cgroupMount      where the cgroup file systems are mounted
 * @param limitCheckInterval how often running tasks' cgroups are checked for an OOM kill
 */
@ConfigurationProperties(IsolationProperties.PREFIX)
public record IsolationProperties(
        @DefaultValue("auto") Mode mode,
        @DefaultValue("50000-59999") String uidRange,
        @DefaultValue("512") int pidsMax,
        @DefaultValue("true") boolean cpuQuota,
        @DefaultValue("true") boolean noNewPrivileges,
        @DefaultValue("pacer") String cgroupParent,
        @DefaultValue("/sys/fs/cgroup") Path cgroupMount,
        @DefaultValue("1s") Duration limitCheckInterval) {

    public static final String PREFIX = "pacer.agent.isolation";

    public enum Mode { AUTO, CGROUPS, NONE }

    public IsolationProperties {
        if (pidsMax < 8) {
            throw new IllegalArgumentException(PREFIX + ".pids-max must be at least 8");
        }
        if (cgroupParent == null || cgroupParent.isBlank() || cgroupParent.contains("..")) {
            throw new IllegalArgumentException(PREFIX + ".cgroup-parent must be a path without '..'");
        }
        if (limitCheckInterval.isNegative() || limitCheckInterval.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".limit-check-interval must be positive");
        }
        uids(uidRange); // fails early on a bad range
    }

    public int firstUid() {
        return uids(uidRange)[0];
    }

    public int lastUid() {
        return uids(uidRange)[1];
    }

    private static int[] uids(String uidRange) {
        String[] bounds = uidRange.trim().split("\\s*-\\s*", 2);
        try {
            int first = Integer.parseInt(bounds[0]);
            int last = bounds.length == 2 ? Integer.parseInt(bounds[1]) : first;
            if (first < 1000 || last < first) {
                throw new IllegalArgumentException(PREFIX + ".uid-range must lie at or above 1000, first <= last: "
                        + uidRange);
            }
            return new int[] {first, last};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + ".uid-range looks like 50000-59999, not '" + uidRange + "'");
        }
    }
}
