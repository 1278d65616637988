package dev.pacer.bench;

import dev.pacer.runtime.ManagedProcess;
import dev.pacer.testsupport.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the gateway adds to a Marathon API call, measured against calling the scheduler directly in
 * the same run: p50/p99 at a fixed request rate, and closed-loop throughput. Targets: p99 added
 * at most 1 ms; gateway throughput at least half of direct.
 *
 * <p>Starts redis-server and one scheduler (as {@code ApiLatencyBench} does), then two gateway JVMs in
 * front of that scheduler (no Eureka: a static instance list): {@code gateway} as the local stack runs
 * it (security off), and {@code gateway+auth} with security on, a Marathon token and prefix rules, so
 * that authentication and authorization are on the measured path; and {@code netty-proxy}, the floor
 * ({@link ProxyFloor}): a bare Reactor Netty pass-through in its own JVM, which shows what any JVM
 * proxy's extra process and socket hops cost on the machine at hand. Targets are measured in turn,
 * round after round, so that drift of the machine hits all of them alike.
 *
 * <p>Options: {@code --rate=300} (req/s of the paced phase), {@code --seconds=8} (per paced phase),
 * {@code --throughput-seconds=4}, {@code --warmup-seconds=20} (closed loop per target and path before
 * measuring), {@code --threads=8} (closed-loop clients), {@code --rounds=2},
 * {@code --workers=4} (paced senders), {@code --gateway-jvm-opts="-XX:+UseSerialGC -Xmx512m -Xss512k"} (full JIT:
 * the gateway is measured as it would run in production, not with the local stack's C1-only flags),
 * {@code --gateway-arg=--a.b=c} (repeatable, passed to both gateways), {@code --home=.}, {@code --log-dir},
 * {@code --out-dir}.
 */
public final class GatewayOverheadBench {

    static final String TOKEN = "bench-token";
    static final List<String> PATHS = List.of("/ping", "/v2/apps/bench/app");

    private GatewayOverheadBench() {
    }

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar gateway-overhead [options]
            What the gateway adds to a Marathon API call against calling the scheduler directly: p50/p99 at a fixed
            rate and closed-loop throughput, for direct, netty-proxy (the floor), gateway and gateway+auth.
              --rate=300               requests per second of each paced phase
              --seconds=8              length of each paced phase
              --throughput-seconds=4   length of each closed-loop throughput phase
              --warmup-seconds=20      closed-loop warm-up per target and path before measuring
              --threads=8              closed-loop client threads
              --rounds=2               rounds over every target
              --workers=4              paced senders
              --gateway-jvm-opts="FLAGS"   both gateways' JVM flags (default: -XX:+UseSerialGC -Xmx512m -Xss512k)
              --gateway-arg=ARG        extra argument of both gateways, repeatable
              --out-dir=DIR            where the Markdown result goes (default: <home>/bench/results)
            """ + BenchOptions.STACK_USAGE;

    private static final String[] OWN = {"rate", "seconds", "throughput-seconds", "warmup-seconds", "threads", "rounds",
        "workers", "gateway-jvm-opts", "gateway-arg", "out-dir"};

    public static void main(String[] args) {
        Bench.main("gateway-overhead", args);
    }

    static BenchCommand.Run parse(String[] args) {
        BenchArgs given = BenchArgs.parseWithStack(args, OWN);
        Settings settings = new Settings(given.integer("rate", 300, 1),
                Duration.ofSeconds(given.integer("seconds", 8, 1)),
                Duration.ofSeconds(given.integer("throughput-seconds", 4, 1)),
                given.integer("threads", 8, 1), given.integer("rounds", 2, 1), given.integer("workers", 4, 1),
                Duration.ofSeconds(given.integer("warmup-seconds", 20, 0)),
                List.of(given.text("gateway-jvm-opts", "-XX:+UseSerialGC -Xmx512m -Xss512k").trim().split("\\s+")),
                given.all("gateway-arg"));
        BenchOptions options = given.stackOptions("out-dir");
        return () -> run(settings, options);
    }

    private record Settings(int rate, Duration seconds, Duration tputSeconds, int threads, int rounds, int workers,
                            Duration warmup, List<String> gatewayJvm, List<String> gatewayArgs) {
    }

    private static void run(Settings settings, BenchOptions options) throws IOException {
        int rate = settings.rate();
        Duration seconds = settings.seconds();
        Duration tputSeconds = settings.tputSeconds();
        int threads = settings.threads();
        int rounds = settings.rounds();
        int workers = settings.workers();
        Duration warmup = settings.warmup();
        List<String> gatewayArgs = settings.gatewayArgs();
        BenchStack stack = new BenchStack(options);
        List<ManagedProcess> gateways = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateways.forEach(g -> g.stop(Duration.ofSeconds(10)));
            stack.close();
        }));
        stack.start();
        seed(stack.schedulerUrl());
        List<String> gatewayJvm = settings.gatewayJvm();
        String floor = startFloor(options, gatewayJvm, stack, gateways);
        String open = startGateway(options, gatewayJvm, gatewayArgs, stack, false, gateways);
        String secure = startGateway(options, gatewayJvm, gatewayArgs, stack, true, gateways);

        Map<String, String[]> targets = new LinkedHashMap<>();
        targets.put("direct", new String[] {stack.schedulerUrl(), null});
        targets.put("netty-proxy", new String[] {floor, null});
        targets.put("gateway", new String[] {open, null});
        targets.put("gateway+auth", new String[] {secure, "token=" + TOKEN});

        PacedLoad load = new PacedLoad();
        System.out.println("Warming up...");
        for (String[] target : targets.values()) {
            for (String path : PATHS) {
                load.throughput(target[0] + path, target[1], threads, warmup);
            }
        }
        Map<String, List<long[]>> latencies = new LinkedHashMap<>();
        Map<String, List<Double>> throughputs = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String path : PATHS) {
                for (Map.Entry<String, String[]> target : targets.entrySet()) {
                    String key = target.getKey() + " " + path;
                    PacedLoad.Result paced = load.paced(target.getValue()[0] + path, target.getValue()[1], rate, seconds, workers);
                    latencies.computeIfAbsent(key, k -> new ArrayList<>()).add(paced.nanos());
                    errors.merge(key, paced.errors(), Integer::sum);
                    throughputs.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(load.throughput(target.getValue()[0] + path, target.getValue()[1], threads, tputSeconds));
                    System.out.printf(Locale.ROOT, "round %d  %-32s p50 %6.3f ms  p99 %6.3f ms%n", round, key,
                            ms(paced.samples().p50()), ms(paced.samples().p99()));
                }
            }
        }
        String report = report(latencies, throughputs, errors, rate, seconds, tputSeconds, threads, rounds);
        System.out.println(report);
        Files.createDirectories(options.outDir());
        Path file = options.outDir().resolve("gateway-overhead-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + file);
        gateways.forEach(g -> g.stop(Duration.ofSeconds(10)));
        stack.close();
    }

    private static void seed(String scheduler) {
        MarathonClient client = new MarathonClient(scheduler, Duration.ofSeconds(5));
        MarathonClient.Response created = client.postApp(
                "{\"id\":\"/bench/app\",\"cmd\":\"sleep 1000\",\"instances\":0,\"cpus\":0.1,\"mem\":32}");
        if (!created.ok() && created.status() != 409) {
            throw new IllegalStateException("seeding /bench/app failed: " + created.summary());
        }
    }

    /** The floor: a bare Reactor Netty pass-through proxy ({@link ProxyFloor}) in its own JVM, same flags as the gateways. */
    private static String startFloor(BenchOptions options, List<String> jvm, BenchStack stack, List<ManagedProcess> started) {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", options.home().resolve("bench/target/bench.jar").toString(), "proxy-floor",
                "--port=" + port, "--upstream=" + stack.schedulerUrl()));
        ManagedProcess proxy = ManagedProcess.start("netty-proxy", command, options.logDir());
        started.add(proxy);
        proxy.awaitReady(() -> ManagedProcess.listening(port), options.readyTimeout());
        return "http://127.0.0.1:" + port;
    }

    static String startGateway(BenchOptions options, List<String> jvm, List<String> extraArgs, BenchStack stack,
                                       boolean secure, List<ManagedProcess> started) {
        Path jar = options.home().resolve("gateway-service/target/gateway-service.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first "
                    + "(./mvnw -o -q -pl scheduler-service,gateway-service,bench -am package -DskipTests)");
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-Dpacer.parent-pid=" + ProcessHandle.current().pid());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.data.redis.url=" + stack.redisUrl(),
                "--eureka.client.enabled=false",
                "--spring.cloud.discovery.client.simple.instances.scheduler-service[0].uri=" + stack.schedulerUrl(),
                "--pacer.gateway.apps.eureka-urls=http://127.0.0.1:9/eureka/",
                "--pacer.gateway.apps.resync-interval=1h"));
        if (secure) {
            command.addAll(List.of("--pacer.gateway.security.enabled=true",
                    "--pacer.gateway.security.tokens[0].value=" + TOKEN,
                    "--pacer.gateway.security.tokens[0].principal=bench",
                    "--pacer.gateway.authz.rules[0].principals=bench",
                    "--pacer.gateway.authz.rules[0].prefixes=/bench",
                    "--pacer.gateway.authz.rules[0].actions=view,update"));
        } else {
            command.add("--pacer.gateway.security.enabled=false"); // on by default since the authz hardening
        }
        command.addAll(extraArgs);
        String name = secure ? "gateway-auth" : "gateway";
        ManagedProcess gateway = ManagedProcess.start(name, command, options.logDir());
        started.add(gateway);
        String url = "http://127.0.0.1:" + port;
        MarathonClient probe = new MarathonClient(url, Duration.ofSeconds(2));
        gateway.awaitReady(() -> {
            try {
                return probe.get("/actuator/health/readiness").status() == 200 && probe.get("/ping").status() != 503;
            } catch (RuntimeException e) {
                return false;
            }
        }, options.readyTimeout());
        return url;
    }

    static String report(Map<String, List<long[]>> latencies, Map<String, List<Double>> throughputs,
                         Map<String, Integer> errors, int rate, Duration seconds, Duration tputSeconds, int threads, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append("# Gateway overhead\n\n");
        out.append(String.format(Locale.ROOT, "%s; load average %.2f at the end.%n%n", Machine.describe(), Machine.loadAverage()));
        out.append(String.format(Locale.ROOT, "Paced: %d req/s for %d s per target and path (latency from the due time); "
                + "throughput: %d closed-loop threads for %d s; %d rounds, targets interleaved.%n%n",
                rate, seconds.toSeconds(), threads, tputSeconds.toSeconds(), rounds));
        out.append("| Target | Path | p50 ms | p99 ms | p50 added | p99 added | Throughput req/s | vs direct | Errors |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (String path : PATHS) {
            Samples direct = merged(latencies.get("direct " + path));
            double directTput = median(throughputs.get("direct " + path));
            for (String target : List.of("direct", "netty-proxy", "gateway", "gateway+auth")) {
                String key = target + " " + path;
                Samples s = merged(latencies.get(key));
                double tput = median(throughputs.get(key));
                out.append(String.format(Locale.ROOT, "| %s | `%s` | %.3f | %.3f | %s | %s | %.0f | %s | %d |%n",
                        target, path, ms(s.p50()), ms(s.p99()),
                        target.equals("direct") ? "" : String.format(Locale.ROOT, "%+.3f", ms(s.p50() - direct.p50())),
                        target.equals("direct") ? "" : String.format(Locale.ROOT, "%+.3f", ms(s.p99() - direct.p99())),
                        tput, target.equals("direct") ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * tput / directTput),
                        errors.getOrDefault(key, 0)));
            }
        }
        out.append("\nTargets: p99 added ≤ 1 ms; throughput ≥ 50 % of direct.\n");
        return out.toString();
    }

    private static Samples merged(List<long[]> rounds) {
        int n = rounds.stream().mapToInt(a -> a.length).sum();
        long[] all = new long[n];
        int i = 0;
        for (long[] r : rounds) {
            System.arraycopy(r, 0, all, i, r.length);
            i += r.length;
        }
        return new Samples(all);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
