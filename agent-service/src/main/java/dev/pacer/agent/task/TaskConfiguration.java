package dev.pacer.agent.task;

import dev.pacer.agent.AgentProperties;
import dev.pacer.agent.TaskRuntimeProperties;
import dev.pacer.agent.isolation.IsolationLevel;
import dev.pacer.agent.isolation.IsolationProperties;
import dev.pacer.agent.isolation.TaskIsolator;
import dev.pacer.agent.metrics.AgentMetrics;
import dev.pacer.agent.node.AgentNode;
import dev.pacer.agent.secrets.SecretInjector;
import dev.pacer.agent.status.StatusReporter;
import dev.pacer.boot.lifecycle.LifecyclePhases;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

    /** Exit handling, hard kills and the retention sweep. Shut down with the context; tasks are not touched. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService taskTimer() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "pacer-agent-tasks-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    TaskBook taskBook(AgentNode node, JsonMapper json, StatusReporter status, AgentMetrics metrics, Clock clock,
                      ObjectProvider<TaskListener> listeners) {
        TaskBook book = new TaskBook(node, new CheckpointStore(node.workDir(), json), status, metrics, clock);
        listeners.orderedStream().forEach(book::addListener);
        return book;
    }

    @Bean
    TaskRuntime taskRuntime(TaskBook book, AgentNode node, AgentProperties properties, TaskRuntimeProperties runtime,
                            ScheduledExecutorService taskTimer, SecretInjector secrets,
                            TaskIsolator isolator, DockerRuntime docker) {
        if (runtime.isSimulated()) {
            LoggerFactory.getLogger(TaskRuntime.class).warn("Agent {} runs the SIMULATED runtime: tasks are not "
                    + "processes (benchmarks only); fail-after {}", node.id(),
                    runtime.simulated().failAfter() == null ? "none" : runtime.simulated().failAfter());
            return new TaskRuntime(book, new SimulatedTaskLauncher(book, taskTimer, runtime.simulated().failAfter()));
        }
        ProcessLauncher launcher = new ProcessLauncher(ProcessLauncher.findSetsid(), System.getenv(), node.host(), secrets,
                isolator);
        TaskLauncher processes = new ProcessTaskLauncher(book, launcher, new ProcessSignals(launcher.groupLeaders()),
                taskTimer, properties.killGracePeriod(), isolator);
        return new TaskRuntime(book, new ContainerAwareLauncher(book, processes,
                docker.launcher(book, node, secrets, properties.killGracePeriod()), docker.availability().reason()));
    }

    /**
     * Recovers the checkpointed tasks before the web server takes requests (so that a repeated launch
     * finds its task), then sweeps expired tasks. Stopping it stops the sweep and nothing else: task
     * processes run on while the agent restarts.
     */
    @Bean
    SmartLifecycle taskRuntimeLifecycle(TaskBook book, TaskRuntime runtime, AgentProperties properties,
                                        ScheduledExecutorService taskTimer, TaskIsolator isolator,
                                        IsolationProperties isolation) {
        return new SmartLifecycle() {
            private ScheduledFuture<?> sweep;
            private ScheduledFuture<?> limits;

            @Override
            public synchronized void start() {
                new TaskRecovery(book, runtime.launcher(), isolator).recover();
                if (runtime.launcher() instanceof ContainerAwareLauncher launchers
                        && launchers.processes() instanceof ProcessTaskLauncher process && isolator.level() == IsolationLevel.CGROUPS) {
                    long every = isolation.limitCheckInterval().toMillis();
                    limits = taskTimer.scheduleWithFixedDelay(() -> {
                        try {
                            process.checkLimits();
                        } catch (RuntimeException e) {
                            LoggerFactory.getLogger(TaskRuntime.class).warn("Checking tasks' limits failed: {}", e.toString());
                        }
                    }, every, every, TimeUnit.MILLISECONDS);
                }
                Duration retain = properties.retainTerminal();
                long every = Math.max(100, Math.min(retain.toMillis(), Duration.ofMinutes(1).toMillis()));
                sweep = taskTimer.scheduleWithFixedDelay(() -> {
                    try {
                        runtime.expireTerminal(retain);
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(TaskRuntime.class).warn("Expunging ended tasks failed: {}", e.toString());
                    }
                }, every, every, TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void stop() {
                sweep.cancel(false);
                sweep = null;
                if (limits != null) {
                    limits.cancel(false);
                    limits = null;
                }
                isolator.close();
            }

            @Override
            public synchronized boolean isRunning() {
                return sweep != null;
            }

            @Override
            public int getPhase() {
                return LifecyclePhases.TASK_RECOVERY;
            }
        };
    }
}
