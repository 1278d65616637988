package dev.pacer.agent.task;

import dev.pacer.agent.isolation.TaskIsolation;
import dev.pacer.agent.isolation.TaskIsolator;
import dev.pacer.agent.secrets.SecretInjector;
import dev.pacer.contract.task.LaunchRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a task's process in its sandbox, as the leader of its own session and process group.
 *
 * <p>The process is a small {@code /bin/sh} wrapper started through {@code setsid}: it runs the task
 * (a {@code cmd} through {@code /bin/sh -c}, {@code args} exec'd as they are, without any shell parsing)
 * in a subshell, then writes the task's exit code to {@link Sandbox#EXIT_FILE}: how an agent that
 * restarted, and is no longer the parent, learns it. The wrapper outlives a SIGTERM (its trap only
 * defers it) so that it can record the code; children get the default signal dispositions. stdin is
 * {@code /dev/null}, stdout and stderr are appended to the sandbox's files, so the task owes the agent
 * nothing and survives it.
 */
public final class ProcessLauncher {

    static final String WRAPPER = String.join("\n",
            "trap : TERM INT HUP",
            "( \"$@\" )",
            "code=$?",
            "printf '%s\\n' \"$code\" > " + Sandbox.EXIT_FILE,
            "exit \"$code\"");
    /**
     * The wrapper of an isolated task, run as root: {@code $1} is where it records the exit code (outside the
     * sandbox, which belongs to the task), then come the {@code cgroup.procs} files it writes its own pid to
     * — so that everything the task ever forks is born inside its cgroups — up to {@code --}; the rest is the
     * command that drops to the task's user and runs the task. It never runs the task outside its cgroups.
     */
    static final String ISOLATED_WRAPPER = String.join("\n",
            "trap : TERM INT HUP",
            "exit_file=$1; shift",
            "while [ \"$1\" != -- ]; do",
            "  printf '%s\\n' \"$$\" > \"$1\" || { echo 'pacer: cannot enter the task cgroup' >&2; exit 125; }",
            "  shift",
            "done",
            "shift",
            "( \"$@\" )",
            "code=$?",
            "printf '%s\\n' \"$code\" > \"$exit_file\"",
            "exit \"$code\"");
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Path setsid;
    private final Map<String, String> agentEnv;
    private final String host;
    private final SecretInjector secrets;
    private final TaskIsolator isolator;

    /**
     * @param setsid   the {@code setsid} binary, or null where there is none (tasks then share the
     *                 agent's process group and are signalled as a process tree)
     * @param agentEnv the agent's environment, of which tasks inherit only {@link TaskEnvironment#INHERITED}
     */
    public ProcessLauncher(Path setsid, Map<String, String> agentEnv, String host) {
        this(setsid, agentEnv, host, SecretInjector.NONE);
    }

    /** @param secrets fetches the task's secrets (environment values, sandbox files) right before it starts */
    public ProcessLauncher(Path setsid, Map<String, String> agentEnv, String host, SecretInjector secrets) {
        this(setsid, agentEnv, host, secrets, TaskIsolator.NONE);
    }

    /** @param isolator gives an isolated task's sandbox to its user and drops the task to that user */
    public ProcessLauncher(Path setsid, Map<String, String> agentEnv, String host, SecretInjector secrets,
                           TaskIsolator isolator) {
        this.setsid = setsid;
        this.agentEnv = Map.copyOf(agentEnv);
        this.host = host;
        this.secrets = secrets;
        this.isolator = isolator;
    }

    /** The {@code setsid} of this machine, or null. */
    public static Path findSetsid() {
        return SETSID.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Whether started processes lead their own process group (so that the group can be signalled). */
    public boolean groupLeaders() {
        return setsid != null;
    }

    public Process start(LaunchRequest request, Sandbox sandbox) throws IOException {
        return start(request, sandbox, null);
    }

    /** Starts the task; an isolated one ({@code isolation} not null) in its cgroups, as its user. */
    public Process start(LaunchRequest request, Sandbox sandbox, TaskIsolation isolation) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(isolation == null ? command(request) : command(request, sandbox, isolation))
                .directory(sandbox.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(sandbox.stdout().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(sandbox.stderr().toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(TaskEnvironment.build(request, agentEnv, host, sandbox.dir()));
        Map<String, String> secretEnv = secrets.prepare(request, sandbox.dir());
        if (!secretEnv.isEmpty()) { // after the app's env, before Marathon's variables, which still win
            env.putAll(secretEnv);
            env.putAll(TaskEnvironment.marathonVariables(request, host, sandbox.dir()));
        }
        if (request.cmd() == null || request.cmd().isBlank()) {
            checkExecutable(request.args().get(0), env.get("PATH"), sandbox.dir());
        }
        if (isolation != null) {
            isolator.handOver(isolation, sandbox.dir());
        }
        return builder.start();
    }

    /** Fails the launch of an {@code args} task whose program cannot be found, instead of starting a doomed process. */
    static void checkExecutable(String program, String path, Path cwd) throws IOException {
        if (program.contains("/")) {
            if (!Files.isExecutable(cwd.resolve(program)) || Files.isDirectory(cwd.resolve(program))) {
                throw new IOException("'" + program + "' is not an executable file");
            }
            return;
        }
        for (String dir : (path == null ? "" : path).split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isExecutable(cwd.resolve(candidate)) && !Files.isDirectory(cwd.resolve(candidate))) {
                return;
            }
        }
        throw new IOException("command '" + program + "' not found on the task's PATH");
    }

    List<String> command(LaunchRequest request, Sandbox sandbox, TaskIsolation isolation) {
        List<String> command = new ArrayList<>();
        if (setsid != null) {
            command.add(setsid.toString());
        }
        command.addAll(List.of("/bin/sh", "-c", ISOLATED_WRAPPER, "pacer-task", sandbox.isolatedExitFile().toString()));
        command.addAll(isolator.enterFiles(isolation));
        command.add("--");
        command.addAll(isolator.dropPrivileges(isolation));
        addTask(request, command);
        return command;
    }

    List<String> command(LaunchRequest request) {
        List<String> command = new ArrayList<>();
        if (setsid != null) {
            command.add(setsid.toString());
        }
        command.addAll(List.of("/bin/sh", "-c", WRAPPER, "pacer-task"));
        addTask(request, command);
        return command;
    }

    private static void addTask(LaunchRequest request, List<String> command) {
        if (request.cmd() != null && !request.cmd().isBlank()) {
            command.addAll(List.of("/bin/sh", "-c", request.cmd()));
        } else {
            command.addAll(request.args());
        }
    }
}
