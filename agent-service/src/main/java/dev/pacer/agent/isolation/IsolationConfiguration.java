package dev.pacer.agent.isolation;

import dev.pacer.agent.node.AgentNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IsolationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IsolationConfiguration.class);

    @Bean
    IsolationSupport isolationSupport(IsolationProperties properties) {
        return IsolationSupport.detect(properties);
    }

    /** Says once at start-up what the agent isolates, and why not when it does not. */
    @Bean
    TaskIsolator taskIsolator(IsolationSupport support, IsolationProperties properties, AgentNode node) throws IOException {
        if (support.level() == IsolationLevel.NONE) {
            log.info("isolation: none ({})", support.reason());
            return TaskIsolator.NONE;
        }
        TaskUsers users = new TaskUsers(properties.firstUid(), properties.lastUid(), support.agentUid(),
                new SystemAccounts(Path.of("/etc/passwd")));
        if (support.level() == IsolationLevel.USERS) {
            log.warn("isolation: users ({}): tasks run as their app's user or a uid of {}, without cgroups: no memory, "
                    + "cpu or pids limits, and a kill reaches only a task's process group", support.reason(), properties.uidRange());
            warnIfUnreachable(node.workDir());
            return new UserIsolator(users, support.setpriv(), properties.noNewPrivileges());
        }
        CgroupDriver driver = support.driver(properties, node.id().value(), Path.of("/proc/self/cgroup"));
        log.info("isolation: cgroups ({}, tasks' cgroups under {}; tasks run as their app's user or a uid of {}, "
                        + "pids.max {}, cpu quota {})", support.reason(), driver.agentDirs().get(0), properties.uidRange(),
                properties.pidsMax(), properties.cpuQuota() ? "on" : "off");
        warnIfUnreachable(node.workDir());
        return new CgroupIsolator(driver, users, properties, support.setpriv());
    }

    /**
     * Tasks run as other users: they reach their sandbox by its absolute path ({@code HOME}, {@code MESOS_SANDBOX})
     * only if every directory above the work dir is searchable by others (the agent opens the work dir itself).
     */
    private static void warnIfUnreachable(Path workDir) {
        for (Path dir = workDir.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            try {
                if (Files.isDirectory(dir) && !Files.getPosixFilePermissions(dir)
                        .contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    log.warn("isolation: {} is not searchable by others: tasks reach their sandbox as their working "
                            + "directory only, not by its path ($HOME, $MESOS_SANDBOX); choose a work dir under a "
                            + "searchable directory", dir);
                    return;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return;
            }
        }
    }
}
