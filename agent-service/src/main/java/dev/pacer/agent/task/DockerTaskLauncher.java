package dev.pacer.agent.task;

import dev.pacer.agent.secrets.SecretInjector;
import dev.pacer.agent.task.docker.DockerCli;
import dev.pacer.agent.task.docker.DockerContainers;
import dev.pacer.agent.task.docker.DockerPolicy;
import dev.pacer.agent.task.docker.DockerRunCommand;
import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks as Docker containers through the docker CLI. A launch returns at once; the image check (and
 * pull), {@code docker run -d} and the first report happen on the launch threads, so a slow pull never
 * holds the scheduler's request. Each running container is watched by a {@code docker wait}; when it
 * returns, {@code docker inspect} tells the exit code and whether the kernel killed it for memory, the
 * container's logs are copied into the sandbox (where the log endpoint reads ended tasks) and the
 * container is removed. Kill = {@code docker stop -t <grace>}. After the agent's restart a running
 * container is re-attached by its name (the task id); containers of this agent that no live task owns
 * are removed.
 */
final class DockerTaskLauncher implements TaskLauncher {

    private static final Logger log = LoggerFactory.getLogger(DockerTaskLauncher.class);
    static final String NOT_RUNNING = "could not start: ";

    private final TaskBook book;
    private final DockerContainers docker;
    private final DockerPolicy policy;
    private final DockerRunCommand.Host host;
    private final SecretInjector secrets;
    private final Duration defaultGrace;
    private final ExecutorService launches;
    private final ExecutorService endings;

    DockerTaskLauncher(TaskBook book, DockerContainers docker, DockerPolicy policy, DockerRunCommand.Host host,
                       SecretInjector secrets, Duration defaultGrace, ExecutorService launches, ExecutorService endings) {
        this.book = book;
        this.docker = docker;
        this.policy = policy;
        this.host = host;
        this.secrets = secrets;
        this.defaultGrace = defaultGrace;
        this.launches = launches;
        this.endings = endings;
    }

    @Override
    public void start(ManagedTask task) {
        launches.execute(() -> run(task));
    }

    private void run(ManagedTask task) {
        if (task.state() == TaskState.TASK_KILLING) {
            finish(task, Ending.of(true, null, false));
            return;
        }
        String name = DockerRunCommand.containerName(task.id());
        try {
            task.sandbox().create();
            ContainerSpec spec = task.request().container();
            Optional<String> refused = policy.refusal(spec, task.sandbox().dir());
            if (refused.isEmpty()) {
                refused = docker.ensureImage(spec, host.agentId());
            }
            if (refused.isPresent()) {
                fail(task, refused.get());
                return;
            }
            Map<String, String> env = environment(task.request(), task.sandbox().dir());
            DockerCli.Result started = docker.run(DockerRunCommand.build(task.request(), host, task.sandbox().dir(),
                    env.keySet()), env);
            if (!started.ok()) {
                docker.remove(name); // created but not started (a bad command, a port taken): nothing may stay behind
                fail(task, "docker run failed: " + started.error());
                return;
            }
        } catch (IOException | RuntimeException e) {
            docker.remove(name);
            fail(task, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            return;
        }
        Long pid = docker.inspect(name).map(DockerContainers.State::pid).filter(p -> p > 0).orElse(null);
        if (pid != null) {
            task.started(pid, null, book.now());
        } else {
            task.startedWithoutProcess(book.now());
        }
        book.launched();
        book.publish(task);
        if (task.state() == TaskState.TASK_KILLING) {
            kill(task);
        }
        watch(task);
    }

    /** The app's env, then the secrets, then Marathon's variables (with the sandbox as the container sees it). */
    private Map<String, String> environment(LaunchRequest request, Path sandbox) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(request.env());
        env.putAll(secrets.prepare(request, sandbox));
        env.putAll(TaskEnvironment.marathonVariables(request, book.node().host(), Path.of(DockerRunCommand.SANDBOX_IN_CONTAINER)));
        return env;
    }

    /** {@code docker stop -t <grace>}: SIGTERM, then SIGKILL once the grace period is over; the watch ends the task. */
    @Override
    public void kill(ManagedTask task) {
        int seconds = task.request().killGracePeriodSeconds();
        docker.stop(DockerRunCommand.containerName(task.id()), seconds > 0 ? seconds : Math.max(0, defaultGrace.toSeconds()));
    }

    @Override
    public boolean recover(ManagedTask task) {
        Optional<DockerContainers.State> state = docker.inspect(DockerRunCommand.containerName(task.id()));
        if (state.isEmpty()) {
            finish(task, Ending.of(task.state() == TaskState.TASK_KILLING, null, true));
            return false;
        }
        if (!state.get().running()) {
            ended(task, state.get(), true);
            return false;
        }
        if (task.state() == TaskState.TASK_STAGING) {
            task.started(state.get().pid(), null, book.now());
            book.launched();
        } else {
            task.reattached();
        }
        book.publish(task);
        if (task.state() == TaskState.TASK_KILLING) {
            kill(task);
        }
        watch(task);
        return true;
    }

    /** Removes this agent's containers that no live task owns (left by a crash, or by an expunged task). */
    @Override
    public void recovered(Set<String> liveTaskIds) {
        try {
            docker.ofAgent(host.agentId()).forEach((container, taskId) -> {
                if (!liveTaskIds.contains(taskId)) {
                    log.info("Removing container {} of task {}: no live task of this agent owns it", container, taskId);
                    docker.remove(container);
                }
            });
        } catch (IOException e) {
            log.warn("Could not list this agent's containers to reap them: {}", e.getMessage());
        }
    }

    @Override
    public String logs(ManagedTask task, String stream, int tail) {
        if (task.running()) {
            Optional<String> logs = docker.logs(DockerRunCommand.containerName(task.id()), stream,
                    Math.min(tail, LogTail.MAX_LINES), LogTail.MAX_BYTES);
            if (logs.isPresent()) {
                return logs.get();
            }
        }
        return TaskLauncher.super.logs(task, stream, tail);
    }

    /** Ends the task once its container exits ({@code docker wait} returns). */
    private void watch(ManagedTask task) {
        String name = DockerRunCommand.containerName(task.id());
        try {
            docker.waitFor(name).onExit().thenRunAsync(() -> exited(task), endings);
        } catch (IOException e) {
            log.warn("Cannot watch container {}: {}", name, e.getMessage());
        }
    }

    private void exited(ManagedTask task) {
        Optional<DockerContainers.State> state = docker.inspect(DockerRunCommand.containerName(task.id()));
        if (state.isPresent() && state.get().running()) {
            watch(task); // docker wait gave up (the engine restarted?): the container still runs
        } else if (state.isEmpty()) {
            finish(task, task.state() == TaskState.TASK_KILLING ? Ending.of(true, null, false)
                    : new Ending(TaskState.TASK_FAILED, null, "container " + task.id() + " disappeared"));
        } else {
            ended(task, state.get(), false);
        }
    }

    /** The container exited: keep its logs, remove it, end the task with its code (or the OOM kill). */
    private void ended(ManagedTask task, DockerContainers.State state, boolean whileAgentDown) {
        String name = DockerRunCommand.containerName(task.id());
        docker.saveLogs(name, task.sandbox().stdout(), task.sandbox().stderr());
        docker.remove(name);
        boolean killing = task.state() == TaskState.TASK_KILLING;
        if (state.oomKilled() && !killing) {
            finish(task, new Ending(TaskState.TASK_FAILED, state.exitCode(), "Container exited on OOM (memory limit "
                    + Math.round(task.request().mem()) + " MB)"));
        } else {
            finish(task, Ending.of(killing, state.exitCode(), whileAgentDown));
        }
    }

    private void fail(ManagedTask task, String reason) {
        log.warn("Task {} could not start: {}", task.id(), reason);
        finish(task, new Ending(TaskState.TASK_FAILED, null, NOT_RUNNING + reason));
    }

    private void finish(ManagedTask task, Ending ending) {
        if (task.finish(ending.state(), ending.exitCode(), ending.message(), book.now())) {
            book.publishFinished(task);
        }
    }
}
