package dev.pacer.bench;

import dev.pacer.contract.ApiPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does the API stay flat as the store grows? Starts its own redis-server and one scheduler-service,
 * then at each store size: seeds apps through {@code PUT /v2/apps}, warms up, and measures single app
 * writes and reads (and {@code /ping}, the control) with one and with several client threads. Prints
 * the result as Markdown and writes it under {@code bench/results/}. Stops what it started on every
 * exit path, Ctrl-C included. See bench/README.md.
 */
public final class ApiLatencyBench {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BenchOptions options;
    private final List<String> notes = new ArrayList<>();

    private ApiLatencyBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Bench.main("api-latency", args);
    }

    /** Reads the options ({@link BenchOptions}); the run seeds and measures. */
    static BenchCommand.Run parse(String[] args) {
        BenchOptions options = BenchOptions.parse(args);
        String commandLine = ("java -jar bench/target/bench.jar " + String.join(" ", args)).trim();
        return () -> new ApiLatencyBench(options).run(commandLine);
    }

    private void run(String command) {
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        BenchStack stack = new BenchStack(options);
        // registered before anything starts: a Ctrl-C at any point stops what is already running
        Thread stopOnExit = new Thread(() -> {
            log("interrupted: stopping the scheduler and redis-server ...");
            stack.close();
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            log("starting redis-server and scheduler-service (logs in %s) ...", options.logDir());
            stack.start();
            log("scheduler ready at %s (pid %d), redis at %s", stack.schedulerUrl(), stack.schedulerPid(), stack.redisUrl());
            List<PhaseResult> results = measure(stack);
            String report = MarkdownReport.render(new MarkdownReport.RunInfo(started.toString(), command,
                    Machine.describe(), schedulerDescription(), notes), results);
            System.out.println(report);
            Path file = write(report, started);
            log("written to %s", file);
        } finally {
            log("stopping the scheduler and redis-server ...");
            stack.close();
            removeHook(stopOnExit);
        }
    }

    private List<PhaseResult> measure(BenchStack stack) {
        MarathonClient client = new MarathonClient(stack.schedulerUrl(), Duration.ofSeconds(30));
        Seeder seeder = new Seeder(client, options);
        LoadPhase phase = new LoadPhase(client);
        int maxThreads = options.threads().stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (options.needsApps()) {
            requireAppsApi(client);
        }
        List<PhaseResult> results = new ArrayList<>();
        for (int size : options.sizes()) {
            String seeded = "";
            if (options.needsApps()) {
                log("seeding to %d apps ...", size);
                Duration took = seeder.growTo(size);
                seeded = String.format(Locale.ROOT, "seeded in %.1f s (%s), %s; ", took.toMillis() / 1000.0,
                        options.seedWith(), seeder.settle(stack.schedulerProcess()));
            }
            String idle = options.idleWindow().isZero() ? ""
                    : IdleCpu.measure(stack.schedulerProcess(), stack.redisProcess(), options.idleWindow()) + "; ";
            if (size == options.sizes().get(0) && options.dryRound()) {
                // the JVM keeps warming for thousands of requests: without this, the first size would be
                // measured on a colder scheduler than the later ones, which flatters their ratios
                log("%d apps: one unmeasured round of every phase first ...", size);
                for (int threads : options.threads()) {
                    options.ops().forEach(op -> phase.run(size, op, threads, options.requests()));
                }
            }
            log("%d apps: warming up (%d requests per op, %d threads) ...", size, options.warmup(), maxThreads);
            for (Op op : options.ops()) {
                if (options.warmup() > 0) {
                    phase.run(size, op, maxThreads, options.warmup());
                }
            }
            for (int threads : options.threads()) {
                for (Op op : options.ops()) {
                    PhaseResult r = phase.run(size, op, threads, options.requests());
                    results.add(r);
                    log("%6d apps  %-5s x%-2d  p50 %7.2f ms  p99 %7.2f ms  %6.0f req/s  errors %d", size, op.label(), threads,
                            r.latencies().isEmpty() ? Double.NaN : r.latencies().p50() / 1e6,
                            r.latencies().isEmpty() ? Double.NaN : r.latencies().p99() / 1e6,
                            r.throughput(), r.errors());
                }
            }
            // after the measurements: the list's garbage must not land in them
            String list = options.needsApps() && options.listProbes() > 0
                    ? "; " + ListProbe.probe(client, options.listProbes()) : "";
            notes.add(String.format("%d apps: %s%sscheduler RSS %s MiB after measuring%s", size, seeded, idle,
                    Machine.rssMiB(stack.schedulerPid()).map(String::valueOf).orElse("?"), list));
        }
        return results;
    }

    /** A clear message instead of a seeding failure when the scheduler does not serve the apps API. */
    private static void requireAppsApi(MarathonClient client) {
        MarathonClient.Response list = client.get(ApiPaths.V2_APPS + "?id=bench-probe-none");
        if (list.status() != 200) {
            throw new IllegalStateException("the scheduler does not serve GET " + ApiPaths.V2_APPS + " (" + list.summary()
                    + "); merge a scheduler that does, or measure the control alone with --ops=ping");
        }
    }

    private String schedulerDescription() {
        String commit = git("log", "-1", "--format=%h %s");
        String dirty = git("status", "--porcelain", "--untracked-files=no");
        return "`scheduler-service.jar` built from " + (commit.isEmpty() ? "an unknown commit" : "`" + commit + "`")
                + (dirty.isEmpty() ? "" : " (with uncommitted changes)")
                + "; JVM flags `" + String.join(" ", options.schedulerJvmOptions()) + "`"
                + (options.schedulerArgs().isEmpty() ? "" : "; args `" + String.join(" ", options.schedulerArgs()) + "`")
                + "; one instance, embedded redis-server 6.2 on the same host";
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", options.home().toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Path write(String report, ZonedDateTime started) {
        Path file = options.outDir().resolve("api-latency-" + FILE_STAMP.format(started) + ".md");
        try {
            Files.createDirectories(options.outDir());
            Files.writeString(file, report);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: it stops the same processes, close() is idempotent
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("bench: " + format + "%n", args);
    }
}
