package dev.pacer.bench.health;

import dev.pacer.bench.BenchCommand;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.health.HealthKeys;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.runtime.ManagedProcess;
import dev.pacer.testsupport.FreePorts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * How many HTTP checks one health-service instance keeps up with on this machine. Starts a
 * {@code redis-server} and one {@code health-service} JVM, serves many local stub endpoints (fast,
 * slow, failing, flapping) from this JVM, writes N running tasks with an HTTP check each into Redis as
 * the scheduler would, waits until the instance owns them all, then measures for a while: checks per
 * second by result against the rate the intervals ask for, skipped probes, probe latency, CPU of each
 * process, and how stale the freshest result of each task is at the end ("no task unchecked").
 *
 * <pre>java -cp bench/target/bench.jar -Dloader.main=dev.pacer.bench.health.HealthCheckBench \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --tasks=10000 --interval=10</pre>
 */
public final class HealthCheckBench {

    private static final List<String> KINDS = List.of("fast", "slow", "fail", "flap");

    private final Map<String, String> options;

    private HealthCheckBench(Map<String, String> options) {
        this.options = options;
    }

    public static final String USAGE = """
            usage: java -jar bench/target/bench.jar health-check [options]
            How many HTTP checks one health-service keeps up with: N running tasks with an HTTP check each on local
            stub endpoints (fast, slow, failing, flapping), checks per second against the rate the intervals ask for.
              --tasks=10000            tasks, each with one HTTP check
              --interval=10            each check's interval (seconds)
              --timeout=2              each check's timeout (seconds)
              --apps=100               apps the tasks belong to
              --ports=1000             stub ports serving the checks
              --mix=85,5,5,5           weights of fast, slow, fail and flap apps
              --slow-ms=300            how long a slow stub takes to answer
              --stub-threads=1         threads serving the stubs
              --warmup=15              seconds before measuring
              --duration=60            seconds measured
              --jvm-opts="FLAGS"       health-service JVM flags (default: -Xmx512m -Xss512k -XX:+UseParallelGC ...)
              --health-args="ARGS"     extra health-service arguments, space-separated
              --home=DIR               the checkout (default: current directory)
            """;

    /** Options that must be whole numbers, with their least value. */
    private static final Map<String, Integer> NUMBERS = Map.of("tasks", 1, "interval", 1, "timeout", 1, "apps", 1,
            "ports", 1, "slow-ms", 0, "stub-threads", 1, "warmup", 0, "duration", 1);

    /** Reads and checks every option (an {@link IllegalArgumentException} names the one that is wrong). */
    public static BenchCommand.Run parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("tasks", "10000", "interval", "10", "timeout", "2",
                "apps", "100", "ports", "1000", "mix", "85,5,5,5", "warmup", "15", "duration", "60", "slow-ms", "300",
                "home", "."));
        options.put("stub-threads", "1");
        options.put("jvm-opts", "-Xmx512m -Xss512k -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError");
        options.put("health-args", "");
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unexpected argument " + arg + " (options are --name=value)");
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        NUMBERS.forEach((name, least) -> {
            if (!options.get(name).matches("[0-9]{1,9}") || Integer.parseInt(options.get(name)) < least) {
                throw new IllegalArgumentException("--" + name + " needs a whole number of at least " + least + ", got '"
                        + options.get(name) + "'");
            }
        });
        if (!options.get("mix").matches("[0-9]{1,6},[0-9]{1,6},[0-9]{1,6},[0-9]{1,6}")
                || Arrays.stream(options.get("mix").split(",")).mapToInt(Integer::parseInt).sum() == 0) {
            throw new IllegalArgumentException("--mix needs four weights (fast,slow,fail,flap), not all 0, got '"
                    + options.get("mix") + "'");
        }
        return () -> new HealthCheckBench(options).run(String.join(" ", args));
    }

    private int num(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run(String commandLine) throws Exception {
        Path home = Path.of(options.get("home")).toAbsolutePath().normalize();
        Path jar = home.resolve("health-service/target/health-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -o -q -pl health-service,bench -am package -DskipTests");
        }
        Path logs = home.resolve(".pacer/bench-logs");
        Files.createDirectories(logs);
        int redisPort = FreePorts.next();
        List<ManagedProcess> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = processes.size() - 1; i >= 0; i--) {
                processes.get(i).stop(Duration.ofSeconds(10));
            }
        }));
        ManagedProcess redis = ManagedProcess.start("redis", ManagedProcess.redisServerCommand(redisPort), logs);
        processes.add(redis);
        redis.awaitReady(() -> ManagedProcess.listening(redisPort), Duration.ofSeconds(10));
        String redisUrl = "redis://127.0.0.1:" + redisPort;

        int tasks = num("tasks");
        int interval = num("interval");
        try (StubFleet stubs = new StubFleet(num("ports"), num("stub-threads"), Duration.ofMillis(num("slow-ms")), Duration.ofSeconds(20));
             RedisClient client = RedisClient.create(redisUrl);
             StatefulRedisConnection<String, String> connection = client.connect()) {
            Map<String, Integer> perKind = seed(connection, stubs.ports(), tasks, interval);
            System.out.printf("seeded %d tasks in %d apps %s on %d stub ports%n", tasks, num("apps"), perKind, stubs.ports().size());

            int port = FreePorts.next();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(Arrays.stream(options.get("jvm-opts").split(" ")).filter(s -> !s.isBlank()).toList());
            command.add("-Dpacer.parent-pid=" + ProcessHandle.current().pid());
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.data.redis.url=" + redisUrl,
                    "--eureka.client.enabled=false", "--pacer.cluster.hostname=127.0.0.1", "--logging.level.root=WARN"));
            command.addAll(Arrays.stream(options.get("health-args").split(" ")).filter(s -> !s.isBlank()).toList());
            ManagedProcess health = ManagedProcess.start("health-service", command, logs);
            processes.add(health);
            String url = "http://127.0.0.1:" + port;
            health.awaitReady(() -> status(url + "/actuator/health/liveness") == 200, Duration.ofSeconds(90));
            long t0 = System.nanoTime();
            health.awaitReady(() -> Prometheus.scrape(url).sum("pacer_health_shard_tasks") >= tasks, Duration.ofSeconds(180));
            System.out.printf("health-service owns all %d tasks %.1f s after it was live; warming up %d s%n", tasks,
                    (System.nanoTime() - t0) / 1e9, num("warmup"));
            Thread.sleep(num("warmup") * 1000L);

            Prometheus before = Prometheus.scrape(url);
            Duration hc0 = cpu(health.handle());
            Duration rc0 = cpu(redis.handle());
            Duration bc0 = cpu(ProcessHandle.current());
            long stub0 = stubs.requests();
            long w0 = System.nanoTime();
            Thread.sleep(num("duration") * 1000L);
            double wall = (System.nanoTime() - w0) / 1e9;
            Prometheus after = Prometheus.scrape(url);
            double healthCpu = (cpu(health.handle()).minus(hc0)).toNanos() / 1e9 / wall;
            double redisCpu = (cpu(redis.handle()).minus(rc0)).toNanos() / 1e9 / wall;
            double benchCpu = (cpu(ProcessHandle.current()).minus(bc0)).toNanos() / 1e9 / wall;
            double stubRate = (stubs.requests() - stub0) / wall;
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String result : List.of("healthy", "unhealthy", "skipped", "overrun", "error")) {
                rates.put(result, (after.sum("pacer_health_checks_total", "result=\"" + result + "\"")
                        - before.sum("pacer_health_checks_total", "result=\"" + result + "\"")) / wall);
            }
            double done = rates.get("healthy") + rates.get("unhealthy");
            double p50 = after.sum("pacer_health_check_latency_seconds", "quantile=\"0.5\"") * 1000;
            double p99 = after.sum("pacer_health_check_latency_seconds", "quantile=\"0.99\"") * 1000;
            double maxLatency = after.sum("pacer_health_check_latency_seconds_max") * 1000;
            Staleness stale = staleness(connection, perKind.keySet());
            String rss = ProcessHandle.of(health.pid()).flatMap(h -> rss(h.pid())).orElse("?");

            String report = String.format(Locale.ROOT, """
                    ## Health-check benchmark (%s)

                    `%s`

                    | | |
                    |---|---|
                    | tasks (one HTTP check each) | %d in %d apps, mix fast/slow/fail/flap %s, %d stub ports |
                    | interval / timeout | %d s / %s s (slow endpoints answer after %s ms) |
                    | asked rate | %.0f checks/s |
                    | **done rate** | **%.0f checks/s** (%.1f%% of asked): healthy %.0f/s, unhealthy %.0f/s |
                    | skipped (probe queue full) / overrun (previous probe still running) / errors | %.1f/s / %.1f/s / %.1f/s |
                    | probe latency p50 / p99 / max | %.2f / %.2f / %.0f ms |
                    | staleness at the end (newest result per check) | max %.1f s, p99 %.1f s over %d results; %d checks without a result |
                    | checks failing at the end, by endpoint kind and cause | %s |
                    | CPU (share of one core) | health-service %.0f%%, redis %.0f%%, bench JVM (stubs + client) %.0f%% |
                    | health-service RSS | %s |
                    | stub requests answered | %.0f/s |
                    | measured | %.0f s after %s s warm-up; host load average %s |
                    """, LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), "java ... HealthCheckBench " + commandLine,
                    tasks, num("apps"), options.get("mix"), stubs.ports().size(), interval, options.get("timeout"),
                    options.get("slow-ms"), (double) tasks / interval, done, 100 * done / ((double) tasks / interval),
                    rates.get("healthy"), rates.get("unhealthy"), rates.get("skipped"), rates.get("overrun"), rates.get("error"), p50, p99, maxLatency,
                    stale.max, stale.p99, stale.count, stale.missing, stale.failingByKindAndCause(), 100 * healthCpu, 100 * redisCpu, 100 * benchCpu, rss,
                    stubRate, wall, options.get("warmup"), loadAverage());
            System.out.println(report);
            Path out = home.resolve("bench/results/health-check-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println("written to " + home.relativize(out));
        }
    }

    /** Apps round-robin over the kinds by the mix's weights; tasks spread over the apps and the stub ports. */
    private Map<String, Integer> seed(StatefulRedisConnection<String, String> connection, List<Integer> ports, int tasks,
                                      int interval) throws Exception {
        int apps = num("apps");
        int[] weights = Arrays.stream(options.get("mix").split(",")).mapToInt(Integer::parseInt).toArray();
        int totalWeight = Arrays.stream(weights).sum();
        String version = "2026-01-01T00:00:00.000Z";
        String now = Instant.now().toString();
        RedisAsyncCommands<String, String> async = connection.async();
        connection.setAutoFlushCommands(false);
        List<RedisFuture<?>> futures = new ArrayList<>();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        int task = 0;
        for (int a = 0; a < apps; a++) {
            int slot = a * totalWeight / apps;
            int k = 0;
            for (int acc = weights[0]; slot >= acc && k < weights.length - 1; acc += weights[++k]) {
                // find the kind whose weight range holds this app
            }
            String kind = KINDS.get(k);
            AppId app = AppId.parse("/bench/" + kind + "/app" + a);
            futures.add(async.set(RedisKeys.app(app), "{\"id\":\"" + app + "\",\"cmd\":\"x\",\"version\":\"" + version
                    + "\",\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/" + kind + "\",\"portIndex\":0,"
                    + "\"gracePeriodSeconds\":0,\"intervalSeconds\":" + interval + ",\"timeoutSeconds\":" + options.get("timeout")
                    + ",\"maxConsecutiveFailures\":3,\"delaySeconds\":0}]}"));
            futures.add(async.zadd(RedisKeys.APPS, 0, app.toString()));
            int count = tasks / apps + (a < tasks % apps ? 1 : 0);
            for (int i = 0; i < count; i++, task++) {
                String id = TaskId.newTask(app).toString();
                futures.add(async.set(RedisKeys.task(app, id), "{\"taskId\":\"" + id + "\",\"appId\":\"" + app
                        + "\",\"agentId\":\"bench\",\"host\":\"127.0.0.1\",\"state\":\"TASK_RUNNING\",\"version\":\"" + version
                        + "\",\"ports\":[" + ports.get(task % ports.size()) + "],\"stagedAt\":\"" + now + "\",\"startedAt\":\""
                        + now + "\"}"));
                futures.add(async.sadd(RedisKeys.appTasks(app), id));
            }
            perKind.merge(kind, count, Integer::sum);
        }
        connection.flushCommands();
        for (RedisFuture<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        connection.setAutoFlushCommands(true);
        return perKind;
    }

    record Staleness(double max, double p99, int count, int missing, Map<String, Integer> failingByKindAndCause) {
    }

    /** Age of the newest result (success or failure) of every check, read at the end. */
    private Staleness staleness(StatefulRedisConnection<String, String> connection, Set<String> kinds) {
        long now = System.currentTimeMillis();
        List<Double> ages = new ArrayList<>();
        Map<String, Integer> causes = new TreeMap<>();
        int missing = 0;
        for (String appId : connection.sync().zrange(RedisKeys.APPS, 0, -1)) {
            AppId app = AppId.parse(appId);
            Map<String, String> results = connection.sync().hgetall(HealthKeys.taskHealth(app));
            long tasksOfApp = connection.sync().scard(RedisKeys.appTasks(app));
            missing += (int) Math.max(0, tasksOfApp - results.size());
            String kind = appId.split("/")[2];
            for (String raw : results.values()) {
                if (raw.contains("\"alive\":false")) {
                    int at = raw.indexOf("\"lastFailureCause\":\"");
                    String cause = at < 0 ? "?" : raw.substring(at + 20, raw.indexOf('"', at + 20)).replaceAll("[0-9]+ ms", "N ms");
                    causes.merge(kind + ": " + cause, 1, Integer::sum);
                }
                long newest = Math.max(epoch(raw, "lastSuccess"), epoch(raw, "lastFailure"));
                if (newest > 0) {
                    ages.add((now - newest) / 1000.0);
                }
            }
        }
        ages.sort(Double::compare);
        double max = ages.isEmpty() ? 0 : ages.get(ages.size() - 1);
        double p99 = ages.isEmpty() ? 0 : ages.get((int) Math.min(ages.size() - 1, Math.ceil(ages.size() * 0.99) - 1));
        return new Staleness(max, p99, ages.size(), missing, causes);
    }

    private static long epoch(String json, String field) {
        int at = json.indexOf("\"" + field + "\":\"");
        if (at < 0) {
            return 0;
        }
        int start = at + field.length() + 4;
        return Instant.parse(json.substring(start, json.indexOf('"', start))).toEpochMilli();
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static Duration cpu(ProcessHandle process) {
        Duration own = process.info().totalCpuDuration().orElse(Duration.ZERO);
        return process.descendants().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(own, Duration::plus);
    }

    private static Optional<String> rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(line.substring(6).trim());
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return Optional.empty();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
