package dev.pacer.bench;

import dev.pacer.runtime.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /v2/events} under many subscribers: N SSE subscribers (default 5,000) on loopback against one gateway,
 * M small deployments (apps of 0 instances through the scheduler's real API: each writes its
 * {@code api_post_event}, {@code deployment_info}, {@code deployment_step_success} and {@code deployment_success}
 * to the stream). Measures the delivery latency from the Redis write (the entry id is Redis' millisecond clock)
 * to the subscriber, the gateway's CPU while it fans out, and its resident memory per subscriber.
 *
 * <p>Subscribers are {@link SseSockets}: non-blocking sockets on one selector thread that scan the bytes for
 * event ids, the least a consumer can cost, so that the machine's cores go to the gateway (with JDK
 * {@code HttpClient}s reading lines, the consumers were the limit: bench/README.md).
 */
public final class EventsBench {

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar events [options]
            N SSE subscribers on one gateway's /v2/events, M small deployments: delivery latency p50/p99 from the
            Redis write to the subscriber, gateway CPU, gateway memory per subscriber.
              --subscribers=5000       concurrent SSE subscribers
              --deployments=100        small deployments (apps of 0 instances)
              --rate=10                deployments per second
              --gateway-jvm-opts="FLAGS"   the gateway's JVM flags (default: -XX:+UseSerialGC -Xmx1g -Xss512k)
              --out-dir=DIR            where the Markdown result goes (default: <home>/bench/results)
            """ + BenchOptions.STACK_USAGE;

    private static final String[] OWN = {"subscribers", "deployments", "rate", "gateway-jvm-opts", "out-dir"};

    private EventsBench() {
    }

    static BenchCommand.Run parse(String[] args) {
        BenchArgs given = BenchArgs.parseWithStack(args, OWN);
        int subscribers = given.integer("subscribers", 5000, 1);
        int deployments = given.integer("deployments", 100, 1);
        int rate = given.integer("rate", 10, 1);
        List<String> jvm = List.of(given.text("gateway-jvm-opts", "-XX:+UseSerialGC -Xmx1g -Xss512k").trim().split("\\s+"));
        BenchOptions options = given.stackOptions("out-dir");
        return () -> run(subscribers, deployments, rate, jvm, options);
    }

    private static void run(int subscribers, int deployments, int rate, List<String> jvm, BenchOptions options)
            throws IOException, InterruptedException {
        BenchStack stack = new BenchStack(options);
        List<ManagedProcess> gateways = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateways.forEach(g -> g.stop(Duration.ofSeconds(10)));
            stack.close();
        }));
        stack.start();
        String gateway = GatewayOverheadBench.startGateway(options, jvm, List.of(), stack, false, gateways);
        ProcessHandle process = gateways.get(0).handle();
        long rssBefore = Machine.rssMiB(process.pid()).orElse(0L);

        int expected = deployments * 4;
        Recorder recorder = new Recorder(subscribers * (long) expected);
        CountDownLatch attached = new CountDownLatch(subscribers);
        SseSockets sockets = new SseSockets(recorder, attached);
        URI events = URI.create(gateway + "/v2/events?event_type=api_post_event"
                + "&event_type=deployment_info&event_type=deployment_step_success&event_type=deployment_success");
        System.out.printf(Locale.ROOT, "Connecting %d subscribers...%n", subscribers);
        for (int i = 0; i < subscribers; i++) {
            sockets.open(events);
            if (i % 200 == 199) { // in batches: each attached before the next is opened
                long sent = i + 1;
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (subscribers - attached.getCount() < sent && System.nanoTime() < until) {
                    attached.await(20, TimeUnit.MILLISECONDS);
                }
            }
        }
        if (!attached.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((subscribers - attached.getCount()) + " of " + subscribers + " subscribers attached in 120 s");
        }
        // settle, then the gateway's memory with every subscriber attached
        await(Duration.ofSeconds(3));
        long rssAttached = Machine.rssMiB(process.pid()).orElse(0L);

        System.out.printf(Locale.ROOT, "Running %d deployments at %d/s...%n", deployments, rate);
        MarathonClient api = new MarathonClient(stack.schedulerUrl(), Duration.ofSeconds(10));
        Duration cpuBefore = IdleCpu.cpu(process);
        long started = System.nanoTime();
        for (int i = 0; i < deployments; i++) {
            long due = started + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            MarathonClient.Response created = api.postApp("{\"id\":\"/bench/events/app-" + i
                    + "\",\"cmd\":\"sleep 1000\",\"instances\":0,\"cpus\":0.01,\"mem\":16}");
            if (!created.ok()) {
                throw new IllegalStateException("POST /v2/apps failed: " + created.summary());
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (recorder.count() < subscribers * (long) expected && System.nanoTime() < deadline) {
            await(Duration.ofMillis(100));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cores = IdleCpu.cpu(process).minus(cpuBefore).toNanos() / 1e9 / seconds;
        Samples latency = recorder.samples();
        String report = report(subscribers, deployments, rate, expected, recorder, sockets.closed(), latency, cores,
                rssBefore, rssAttached);
        sockets.close();
        System.out.println(report);
        Files.createDirectories(options.outDir());
        Path file = options.outDir().resolve("events-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + file);
        gateways.forEach(g -> g.stop(Duration.ofSeconds(10)));
        stack.close();
    }

    static String report(int subscribers, int deployments, int rate, int expected, Recorder recorder, int closed,
                         Samples latency, double cores, long rssBefore, long rssAttached) {
        StringBuilder out = new StringBuilder("# /v2/events: fan-out to many subscribers\n\n");
        out.append(String.format(Locale.ROOT, "%s; load average %.2f at the end.%n%n", Machine.describe(), Machine.loadAverage()));
        out.append(String.format(Locale.ROOT, "%d SSE subscribers (non-blocking sockets on one selector thread, loopback) on one gateway; %d deployments "
                + "of 0-instance apps at %d/s through the scheduler's API, %d events each subscriber should get.%n%n",
                subscribers, deployments, rate, expected));
        out.append("| Figure | Value |\n|---|---|\n");
        out.append(String.format(Locale.ROOT, "| events delivered | %d of %d (%.1f %%) |%n", recorder.count(),
                subscribers * (long) expected, 100.0 * recorder.count() / (subscribers * (double) expected)));
        out.append(String.format(Locale.ROOT, "| subscribers cut off (stream closed) | %d |%n", closed));
        out.append(String.format(Locale.ROOT, "| latency p50 / p99 / max (Redis write → subscriber) | %d / %d / %d ms |%n",
                latency.p50(), latency.p99(), latency.max()));
        out.append(String.format(Locale.ROOT, "| gateway CPU while delivering | %.2f cores |%n", cores));
        out.append(String.format(Locale.ROOT, "| gateway RSS before / with subscribers | %d / %d MiB (%.1f KiB per subscriber) |%n",
                rssBefore, rssAttached, (rssAttached - rssBefore) * 1024.0 / subscribers));
        out.append("\nLatency in whole milliseconds (the stream id is Redis' millisecond clock, the same machine's).\n");
        return out.toString();
    }

    private static void await(Duration d) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(d.toNanos());
    }

    /** Latencies of every subscriber, in ms (not ns: the stream id has millisecond resolution). */
    static final class Recorder {
        private final long[] samples;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicLong count = new AtomicLong();

        Recorder(long capacity) {
            samples = new long[(int) Math.min(capacity, 20_000_000)];
        }

        void record(long ms) {
            count.incrementAndGet();
            int i = next.getAndIncrement();
            if (i < samples.length) {
                samples[i] = ms;
            }
        }

        long count() {
            return count.get();
        }

        Samples samples() {
            return new Samples(Arrays.copyOf(samples, Math.min(next.get(), samples.length)));
        }
    }
}
