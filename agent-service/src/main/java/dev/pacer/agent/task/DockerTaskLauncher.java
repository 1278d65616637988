package dev.pacer.agent.task;

import dev.pacer.agent.secrets.SecretInjector;
import dev.pacer.agent.task.docker.DockerCli;
import dev.pacer.agent.task.docker.DockerPolicy;
import dev.pacer.agent.task.docker.DockerProperties;
import dev.pacer.agent.task.docker.DockerRunCommand;
import dev.pacer.contract.task.ContainerSpec;
import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final DockerCli docker;
    private final DockerPolicy policy;
    private final DockerRunCommand.Host host;
    private final SecretInjector secrets;
    private final DockerProperties properties;
    private final Duration defaultGrace;
    private final ExecutorService launches;
    private final ExecutorService endings;

    DockerTaskLauncher(TaskBook book, DockerCli docker, DockerProperties properties, DockerRunCommand.Host host,
                       SecretInjector secrets, Duration defaultGrace, ExecutorService launches, ExecutorService endings) {
        this.book = book;
        this.docker = docker;
        this.policy = new DockerPolicy(properties);
        this.host = host;
        this.secrets = secrets;
        this.properties = properties;
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
            if (refused.isPresent()) {
                fail(task, refused.get());
                return;
            }
            Optional<String> missing = ensureImage(spec);
            if (missing.isPresent()) {
                fail(task, missing.get());
                return;
            }
            Map<String, String> env = environment(task.request(), task.sandbox().dir());
            DockerCli.Result started = docker.run(properties.commandTimeout(),
                    DockerRunCommand.build(task.request(), host, task.sandbox().dir(), env.keySet()), env);
            if (!started.ok()) {
                remove(name); // created but not started (a bad command, a port taken): nothing may stay behind
                fail(task, "docker run failed: " + started.error());
                return;
            }
        } catch (IOException | RuntimeException e) {
            remove(name);
            fail(task, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            return;
        }
        Long pid = containerPid(name);
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
        watch(task, false);
    }

    /** Empty when the image is there (pulled if asked or missing); else why the task cannot start. */
    private Optional<String> ensureImage(ContainerSpec spec) throws IOException {
        boolean present = docker.run(properties.commandTimeout(), List.of("image", "inspect", "--format", "{{.Id}}",
                spec.image())).ok();
        if (present && !spec.forcePullImage()) {
            return Optional.empty();
        }
        DockerCli.Result pulled = docker.run(properties.pullTimeout(), List.of("pull", spec.image()));
        if (pulled.ok()) {
            return Optional.empty();
        }
        if (present) {
            log.warn("Pulling {} failed ({}); the image present on the agent is used", spec.image(), pulled.error());
            return Optional.empty();
        }
        return Optional.of("image '" + spec.image() + "' is not on agent " + host.agentId() + " and could not be pulled: "
                + pulled.error());
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
        long grace = seconds > 0 ? seconds : Math.max(0, defaultGrace.toSeconds());
        try {
            docker.start(List.of("stop", "-t", Long.toString(grace), DockerRunCommand.containerName(task.id())));
        } catch (IOException e) {
            log.warn("Stopping container of task {} failed: {}", task.id(), e.getMessage());
        }
    }

    @Override
    public boolean recover(ManagedTask task) {
        String name = DockerRunCommand.containerName(task.id());
        Optional<ContainerState> state = inspect(name);
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
        watch(task, true);
        return true;
    }

    /** Removes this agent's containers that no live task owns (left by a crash, or by an expunged task). */
    @Override
    public void recovered(Set<String> liveTaskIds) {
        try {
            DockerCli.Result listed = docker.run(properties.commandTimeout(), List.of("ps", "-a", "--filter",
                    "label=" + DockerRunCommand.AGENT_LABEL + "=" + host.agentId(), "--format",
                    "{{.ID}} {{.Label \"" + DockerRunCommand.TASK_LABEL + "\"}}"));
            listed.stdout().lines().map(line -> line.strip().split(" ", 2))
                    .filter(f -> f.length == 2 && !f[0].isEmpty() && !liveTaskIds.contains(f[1]))
                    .forEach(f -> {
                        log.info("Removing container {} of task {}: no live task of this agent owns it", f[0], f[1]);
                        remove(f[0]);
                    });
        } catch (IOException e) {
            log.warn("Could not list this agent's containers to reap them: {}", e.getMessage());
        }
    }

    @Override
    public String logs(ManagedTask task, String stream, int tail) {
        if (!task.state().isTerminal() && task.running()) {
            try {
                DockerCli.Result logs = docker.run(properties.commandTimeout(), List.of("logs", "--tail",
                        Integer.toString(Math.min(tail, LogTail.MAX_LINES)), DockerRunCommand.containerName(task.id())));
                if (logs.ok()) {
                    String text = "stderr".equals(stream) ? logs.stderr() : logs.stdout();
                    return text.length() > LogTail.MAX_BYTES ? text.substring(text.length() - LogTail.MAX_BYTES) : text;
                }
            } catch (IOException e) {
                log.debug("docker logs of {} failed: {}", task.id(), e.getMessage());
            }
        }
        return TaskLauncher.super.logs(task, stream, tail);
    }

    /** Ends the task once its container exits ({@code docker wait} returns). */
    private void watch(ManagedTask task, boolean reattached) {
        String name = DockerRunCommand.containerName(task.id());
        try {
            docker.start(List.of("wait", name)).onExit().thenRunAsync(() -> exited(task, reattached), endings);
        } catch (IOException e) {
            log.warn("Cannot watch container {}: {}", name, e.getMessage());
        }
    }

    private void exited(ManagedTask task, boolean reattached) {
        Optional<ContainerState> state = inspect(DockerRunCommand.containerName(task.id()));
        if (state.isPresent() && state.get().running()) {
            watch(task, reattached); // docker wait gave up (the engine restarted?): the container still runs
            return;
        }
        if (state.isEmpty()) {
            finish(task, task.state() == TaskState.TASK_KILLING ? Ending.of(true, null, false)
                    : new Ending(TaskState.TASK_FAILED, null, "container " + task.id() + " disappeared"));
            return;
        }
        ended(task, state.get(), false);
    }

    /** The container exited: keep its logs, remove it, end the task with its code (or the OOM kill). */
    private void ended(ManagedTask task, ContainerState state, boolean whileAgentDown) {
        String name = DockerRunCommand.containerName(task.id());
        saveLogs(task, name);
        remove(name);
        boolean killing = task.state() == TaskState.TASK_KILLING;
        if (state.oomKilled() && !killing) {
            finish(task, new Ending(TaskState.TASK_FAILED, state.exitCode(), "Container exited on OOM (memory limit "
                    + Math.round(task.request().mem()) + " MB)"));
        } else {
            finish(task, Ending.of(killing, state.exitCode(), whileAgentDown));
        }
    }

    private void saveLogs(ManagedTask task, String name) {
        try {
            docker.runInto(properties.commandTimeout(), List.of("logs", name), task.sandbox().stdout(), task.sandbox().stderr());
        } catch (IOException e) {
            log.warn("Could not keep the logs of container {}: {}", name, e.getMessage());
        }
    }

    private Optional<ContainerState> inspect(String name) {
        try {
            DockerCli.Result result = docker.run(properties.commandTimeout(), List.of("inspect", "--type", "container",
                    "--format", ContainerState.FORMAT, name));
            return result.ok() ? Optional.of(ContainerState.parse(result.stdout())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("docker inspect {} failed: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    private Long containerPid(String name) {
        return inspect(name).map(ContainerState::pid).filter(pid -> pid > 0).orElse(null);
    }

    private void remove(String name) {
        try {
            docker.run(properties.commandTimeout(), List.of("rm", "-f", "-v", name));
        } catch (IOException e) {
            log.warn("docker rm {} failed: {}", name, e.getMessage());
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

    /** What {@code docker inspect} says of a container. */
    record ContainerState(boolean running, int exitCode, boolean oomKilled, long pid) {

        static final String FORMAT = "{{.State.Running}} {{.State.ExitCode}} {{.State.OOMKilled}} {{.State.Pid}}";

        static ContainerState parse(String line) {
            String[] f = line.strip().split(" ");
            return new ContainerState(Boolean.parseBoolean(f[0]), Integer.parseInt(f[1]), Boolean.parseBoolean(f[2]),
                    Long.parseLong(f[3]));
        }
    }
}
