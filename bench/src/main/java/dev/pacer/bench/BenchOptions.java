package dev.pacer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How to run {@link ApiLatencyBench}; every option has a default that gives the README's run.
 *
 * @param ops                 what to measure, in this order at each size and thread count
 * @param sizes               store sizes (number of apps) to measure, ascending; the store grows between them
 * @param threads             client thread counts, each measured at every size
 * @param requests            measured requests per (size, op, threads)
 * @param warmup              unmeasured requests per op at each size, before measuring
 * @param dryRound            at the first size, run every phase once unmeasured before warming up
 * @param batch               apps per bulk {@code PUT /v2/apps} while seeding
 * @param seedWith            {@code bulk} ({@code PUT /v2/apps} with arrays) or {@code post} (one {@code POST} per app)
 * @param listProbes          {@code GET /v2/apps} calls per size after measuring, for the notes (0: none)
 * @param idleWindow          how long to sample the idle CPU of scheduler and Redis at each size (0: skip)
 * @param settle              longest wait after seeding for the deployments to drain and the scheduler to be idle
 * @param schedulerJvmOptions flags of the scheduler JVM (default: the local stack's lean flags)
 * @param schedulerArgs       extra Spring arguments for the scheduler ({@code --scheduler-arg=--a.b=c}, repeatable)
 */
public record BenchOptions(Path home, Path logDir, Path outDir, List<Op> ops, List<Integer> sizes, List<Integer> threads,
                           int requests, int warmup, boolean dryRound, int batch, String seedWith, int listProbes,
                           Duration idleWindow, Duration settle, Duration readyTimeout, List<String> schedulerJvmOptions,
                           List<String> schedulerArgs) {

    /** The local stack's lean flags (STACK.md pitfall 9), so the figures match what run-local.sh runs. */
    public static final List<String> LEAN_JVM = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar api-latency [options]   (from the checkout, or pass --home)
            Is API latency flat in the number of apps? Seeds a scheduler with each store size and measures
            writes, reads and /ping (the control) at each (bench/README.md).
              --ops=write,read,ping    what to measure (ping is the control: it reads no state)
              --sizes=100,10000        store sizes (apps) to measure, ascending
              --threads=1,8            client thread counts
              --requests=2000          measured requests per (size, op, threads)
              --warmup=1000            unmeasured requests per op at each size
              --dry-round=true         at the first size, one unmeasured round of every phase (JVM as warm as later)
              --batch=500              apps per bulk PUT /v2/apps while seeding
              --seed-with=bulk|post    seed with bulk PUT /v2/apps (default) or one POST /v2/apps per app
              --list-probes=3          GET /v2/apps calls per size after measuring, reported as a note (0: none)
              --idle=SECONDS           sample the idle CPU of scheduler and redis at each size (10; 0: skip)
              --settle=SECONDS         longest wait after seeding for deployments to drain and the scheduler to idle (60)
              --jvm-opts="FLAGS"       scheduler JVM flags (default: %s)
              --scheduler-arg=ARG      extra scheduler argument, repeatable (e.g. --scheduler-arg=--logging.level.root=WARN)
              --ready-timeout=SECONDS  scheduler start-up limit (120)
              --home=DIR               the checkout (default: current directory)
              --log-dir=DIR            redis and scheduler logs (default: <home>/.pacer/bench-logs)
              --out-dir=DIR            where the Markdown result goes (default: <home>/bench/results)
            """.formatted(String.join(" ", LEAN_JVM));

    /** The options of the stack that group-deploy and launch-latency start, as {@link #parse} reads them. */
    static final Set<String> STACK_KEYS = Set.of("home", "log-dir", "ready-timeout", "jvm-opts", "scheduler-arg");

    static final String STACK_USAGE = """
            and of the stack it starts (redis-server, one scheduler):
              --home=DIR               the checkout (default: current directory)
              --log-dir=DIR            logs of the processes it starts (default: <home>/.pacer/bench-logs)
              --ready-timeout=SECONDS  start-up limit of each process (120)
              --jvm-opts="FLAGS"       scheduler JVM flags (default: %s)
              --scheduler-arg=ARG      extra scheduler argument, repeatable
            """.formatted(String.join(" ", LEAN_JVM));

    public BenchOptions {
        ops = List.copyOf(ops);
        sizes = List.copyOf(sizes);
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("--ops needs at least one of write, read, ping");
        }
        threads = List.copyOf(threads);
        schedulerJvmOptions = List.copyOf(schedulerJvmOptions);
        schedulerArgs = List.copyOf(schedulerArgs);
        if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("--sizes needs positive numbers");
        }
        for (int i = 1; i < sizes.size(); i++) {
            if (sizes.get(i) <= sizes.get(i - 1)) {
                throw new IllegalArgumentException("--sizes must be ascending (the store only grows): " + sizes);
            }
        }
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("--threads needs positive numbers");
        }
        if (requests < 1 || warmup < 0 || batch < 1 || listProbes < 0) {
            throw new IllegalArgumentException("--requests and --batch must be positive, --warmup and --list-probes not negative");
        }
        if (!seedWith.equals("bulk") && !seedWith.equals("post")) {
            throw new IllegalArgumentException("--seed-with must be bulk or post");
        }
    }

    public static BenchOptions parse(String... args) {
        Path home = Path.of(System.getProperty("pacer.home", ".")).toAbsolutePath().normalize();
        Path logDir = null;
        Path outDir = null;
        List<Op> ops = List.of(Op.WRITE, Op.READ, Op.PING);
        List<Integer> sizes = List.of(100, 10_000);
        List<Integer> threads = List.of(1, 8);
        int requests = 2000;
        int warmup = 1000;
        boolean dryRound = true;
        int batch = 500;
        String seedWith = "bulk";
        int listProbes = 3;
        Duration idleWindow = Duration.ofSeconds(10);
        Duration settle = Duration.ofSeconds(60);
        Duration readyTimeout = Duration.ofSeconds(120);
        List<String> jvm = LEAN_JVM;
        List<String> schedulerArgs = new ArrayList<>();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--ops" -> ops = ops(value);
                case "--sizes" -> sizes = ints(arg, value);
                case "--threads" -> threads = ints(arg, value);
                case "--requests" -> requests = number(arg, value);
                case "--warmup" -> warmup = number(arg, value);
                case "--batch" -> batch = number(arg, value);
                case "--dry-round" -> dryRound = Boolean.parseBoolean(value);
                case "--seed-with" -> seedWith = value;
                case "--list-probes" -> listProbes = number(arg, value);
                case "--idle" -> idleWindow = Duration.ofSeconds(number(arg, value));
                case "--settle" -> settle = Duration.ofSeconds(number(arg, value));
                case "--ready-timeout" -> readyTimeout = Duration.ofSeconds(number(arg, value));
                case "--jvm-opts" -> jvm = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                case "--scheduler-arg" -> schedulerArgs.add(value);
                case "--home" -> home = Path.of(value).toAbsolutePath().normalize();
                case "--log-dir" -> logDir = Path.of(value).toAbsolutePath().normalize();
                case "--out-dir" -> outDir = Path.of(value).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!Files.isRegularFile(home.resolve("pom.xml"))) {
            throw new IllegalArgumentException(home + " is not a Pacer checkout (no pom.xml); pass --home=DIR");
        }
        return new BenchOptions(home,
                logDir != null ? logDir : home.resolve(".pacer/bench-logs"),
                outDir != null ? outDir : home.resolve("bench/results"),
                ops, sizes, threads, requests, warmup, dryRound, batch, seedWith, listProbes, idleWindow, settle,
                readyTimeout, jvm, schedulerArgs);
    }

    /** True when an op reads or writes apps, so the store must be seeded. */
    public boolean needsApps() {
        return ops.stream().anyMatch(op -> op != Op.PING);
    }

    private static List<Op> ops(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Arrays.stream(Op.values()).filter(op -> op.label().equals(s)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown op " + s + " (write, read, ping)")))
                .toList();
    }

    private static List<Integer> ints(String option, String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> number(option, s)).toList();
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option.replaceFirst("=.*", "") + ": '" + value + "' is not a whole number");
        }
    }
}
