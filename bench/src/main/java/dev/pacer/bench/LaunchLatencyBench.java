package dev.pacer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long from {@code POST /v2/apps} until the app's task is {@code TASK_RUNNING} (as {@code GET
 * /v2/apps/{id}/tasks} shows it), for a Docker task (image present: no pull) and for a process task, on
 * one real agent: Redis, one scheduler and one agent-service JVM started by the bench, the machine's
 * Docker engine. Each kind: one unmeasured run, then N runs one after the other (each app deleted and its
 * task gone before the next); prints median, min and max.
 *
 * <pre>java -jar bench/target/bench.jar launch-latency [--runs=10] [--image=pacer/test-http:latest]</pre>
 */
public final class LaunchLatencyBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LaunchLatencyBench() {
    }

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar launch-latency [options]
            From POST /v2/apps to the task's TASK_RUNNING, for a Docker task and a process task (one agent on the
            real runtime; the Docker runs need an engine and the image).
              --runs=10                measured runs of each kind (after one unmeasured run)
              --image=pacer/test-http:latest   the Docker task's image
            """ + BenchOptions.STACK_USAGE;

    public static void main(String[] args) {
        Bench.main("launch-latency", args);
    }

    static BenchCommand.Run parse(String[] args) {
        BenchArgs given = BenchArgs.parseWithStack(args, "runs", "image");
        int runs = given.integer("runs", 10, 1);
        String image = given.text("image", "pacer/test-http:latest");
        BenchOptions options = given.stackOptions();
        return () -> run(runs, image, options);
    }

    private static void run(int runs, String image, BenchOptions options) throws Exception {
        try (BenchStack stack = new BenchStack(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            stack.start();
            stack.startAgent("launch-bench", List.of("--pacer.agent.cpus=2", "--pacer.agent.mem=4096",
                    "--pacer.agent.ports=41000-41999"));
            Thread.sleep(2000); // the agent's first heartbeat
            MarathonClient client = new MarathonClient(stack.schedulerUrl(), Duration.ofSeconds(30));
            Map<String, String> kinds = Map.of(
                    "process", "\"cmd\":\"exec sleep 3600\"",
                    "docker", "\"args\":[\"pacer-test-http\",\"sleep\"],\"container\":{\"type\":\"DOCKER\","
                            + "\"docker\":{\"image\":\"" + image + "\"}}");
            System.out.printf("%n## POST /v2/apps → TASK_RUNNING, %d runs each (after one unmeasured run)%n%n", runs);
            System.out.printf("| task | median | min | max |%n|---|---|---|---|%n");
            for (String kind : List.of("docker", "process")) {
                measure(client, kind, kinds.get(kind), 0);
                List<Double> millis = new ArrayList<>();
                for (int i = 1; i <= runs; i++) {
                    millis.add(measure(client, kind, kinds.get(kind), i));
                }
                List<Double> sorted = millis.stream().sorted().toList();
                double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
                System.out.printf("| %s | %.0f ms | %.0f ms | %.0f ms |%n", kind, median, sorted.get(0),
                        sorted.get(sorted.size() - 1));
            }
            awaitNoContainer("launch-bench");
        }
    }

    /** One app of one task: POST, poll its tasks until one runs, then delete it and wait until nothing runs. */
    private static double measure(MarathonClient client, String kind, String body, int run) throws InterruptedException {
        String id = "/bench/launch-" + kind + "-" + run;
        String definition = "{\"id\":\"" + id + "\",\"instances\":1,\"cpus\":0.1,\"mem\":64,\"portDefinitions\":[]," + body + "}";
        long start = System.nanoTime();
        MarathonClient.Response created = client.postApp(definition);
        if (!created.ok()) {
            throw new IllegalStateException("POST " + id + " failed: " + created.summary());
        }
        while (!running(client, id)) {
            if (Duration.ofNanos(System.nanoTime() - start).toSeconds() > 60) {
                throw new IllegalStateException(id + " not running after 60 s: " + client.get("/v2/queue").body());
            }
            Thread.sleep(5);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        client.send("DELETE", "/v2/apps" + id, null);
        while (JSON.readTree(client.get("/v2/tasks").body()).path("tasks").size() > 0) {
            Thread.sleep(50);
        }
        return millis;
    }

    /** The last container stops after its task left /v2/tasks: the agent (stopped next) must see it end and remove it. */
    private static void awaitNoContainer(String agentId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Process ps = new ProcessBuilder("docker", "ps", "-a", "-q", "--filter", "label=pacer.agent=" + agentId)
                    .redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes());
            if (ps.waitFor() != 0 || out.isBlank()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static boolean running(MarathonClient client, String id) {
        MarathonClient.Response tasks = client.get("/v2/apps" + id + "/tasks");
        if (!tasks.ok()) {
            return false;
        }
        for (JsonNode task : JSON.readTree(tasks.body()).path("tasks")) {
            if ("TASK_RUNNING".equals(task.path("state").asString())) {
                return true;
            }
        }
        return false;
    }
}
