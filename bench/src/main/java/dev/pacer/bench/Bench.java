package dev.pacer.bench;

import dev.pacer.bench.health.HealthCheckBench;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar bench/target/bench.jar <bench> [options]}: runs one benchmark by name; options alone
 * (no name) run the API latency bench. {@code --help} (or {@code -h}) answers with the usage — of the
 * bench when it follows a name —, and so does any mistake on the command line, before anything starts:
 * no arguments, an unknown bench, an unknown option or a bad value (exit 2, never a stack trace).
 */
public final class Bench {

    static final List<BenchCommand> COMMANDS = List.of(
            new BenchCommand("api-latency", "API latency at 100 vs 10,000 apps (is it flat?)", BenchOptions.USAGE,
                    ApiLatencyBench::parse),
            new BenchCommand("group-deploy", "one PUT of a 1,000-app group, until every task runs", GroupDeployBench.USAGE,
                    GroupDeployBench::parse),
            new BenchCommand("gateway-overhead", "what the gateway adds to an API call, against direct", GatewayOverheadBench.USAGE,
                    GatewayOverheadBench::parse),
            new BenchCommand("health-check", "HTTP checks per second one health-service keeps up with", HealthCheckBench.USAGE,
                    HealthCheckBench::parse),
            new BenchCommand("proxy-floor", "a bare Netty pass-through (gateway-overhead starts it)", ProxyFloor.USAGE,
                    ProxyFloor::parse),
            new BenchCommand("events", "N SSE subscribers on /v2/events, M deployments: delivery latency, CPU, memory",
                    EventsBench.USAGE, EventsBench::parse),
            new BenchCommand("launch-latency", "POST /v2/apps to TASK_RUNNING, Docker task and process task",
                    LaunchLatencyBench.USAGE, LaunchLatencyBench::parse));

    private Bench() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the bench {@code name} (its own {@code main}), as {@code bench.jar name args...} would. */
    public static void main(String name, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        main(all);
    }

    /** The command line: 0 when the bench ran (or help was asked for), 2 for a usage error, 1 when the bench failed. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        if (isHelp(args[0]) || args[0].equals("help")) {
            out.print(usage());
            return 0;
        }
        boolean named = !args[0].startsWith("-");
        String name = named ? args[0] : "api-latency";
        String[] rest = named ? Arrays.copyOfRange(args, 1, args.length) : args;
        BenchCommand command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            err.println("bench: unknown bench '" + name + "'");
            err.print(usage());
            return 2;
        }
        if (Arrays.stream(rest).anyMatch(Bench::isHelp)) {
            out.print(command.usage());
            return 0;
        }
        BenchCommand.Run run;
        try {
            run = command.parser().parse(rest);
        } catch (IllegalArgumentException e) {
            err.println("bench " + name + ": " + e.getMessage());
            err.print(command.usage());
            return 2;
        }
        try {
            run.run();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench " + name + ": interrupted");
            return 1;
        } catch (Exception | LinkageError e) {
            err.println("bench " + name + ": failed: " + describe(e));
            return 1;
        }
    }

    /** Every bench, one line each. */
    static String usage() {
        StringBuilder text = new StringBuilder("""
                usage: java -jar bench/target/bench.jar <bench> [options]   (from the checkout, or pass --home=DIR)
                       java -jar bench/target/bench.jar <bench> --help      (that bench's options)
                       java -jar bench/target/bench.jar --<option>=...      (options alone: api-latency)
                benches:
                """);
        for (BenchCommand c : COMMANDS) {
            text.append(String.format("  %-18s %s%n", c.name(), c.summary()));
        }
        return text.append("Each writes its report to the terminal (and most to bench/results/); bench/README.md has the figures.\n")
                .toString();
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    /** The failure and its causes on one line: what went wrong, without a stack trace. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }
}
