package dev.pacer.bench;

import dev.pacer.contract.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code PUT /v2/groups/bench} with N apps (one task each) on simulated agents: how long until
 * every task runs and the deployment is gone, and how big the stored deployment record is. Marathon
 * stored a deployment as old root group + new root group in ZooKeeper (1 MB node limit); Pacer stores
 * app ids and versions only.
 *
 * <pre>java -jar bench/target/bench.jar group-deploy [--apps=1000] [--agents=2]</pre>
 */
public final class GroupDeployBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GroupDeployBench() {
    }

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar group-deploy [options]
            One PUT /v2/groups/bench with N apps (one task each) on simulated agents: until every task runs, until the
            deployment is gone, and the size of the stored deployment record.
              --apps=1000              apps in the group
              --agents=2               simulated agents (10,000 cpus each)
            """ + BenchOptions.STACK_USAGE;

    public static void main(String[] args) {
        Bench.main("group-deploy", args);
    }

    static BenchCommand.Run parse(String[] args) {
        BenchArgs given = BenchArgs.parseWithStack(args, "apps", "agents");
        int apps = given.integer("apps", 1000, 1);
        int agents = given.integer("agents", 2, 1);
        BenchOptions options = given.stackOptions();
        return () -> run(apps, agents, options);
    }

    private static void run(int apps, int agents, BenchOptions options) throws Exception {
        try (BenchStack stack = new BenchStack(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            stack.start();
            for (int i = 0; i < agents; i++) {
                stack.startSimulatedAgent("sim-" + i, 10_000, 10_000_000);
            }
            Thread.sleep(2000); // agents' first heartbeats
            MarathonClient client = new MarathonClient(stack.schedulerUrl(), Duration.ofSeconds(120));
            String group = group(apps);

            long start = System.nanoTime();
            MarathonClient.Response put = client.send("PUT", "/v2/groups/bench", group);
            long accepted = System.nanoTime();
            if (!put.ok()) {
                throw new IllegalStateException("PUT /v2/groups/bench failed: " + put.summary());
            }
            String id = JSON.readTree(put.body()).path("deploymentId").asString();
            long recordBytes;
            long locksBytes;
            try (RedisClient redis = RedisClient.create(stack.redisUrl());
                 StatefulRedisConnection<String, String> connection = redis.connect()) {
                recordBytes = memory(connection, RedisKeys.deployment(id));
                locksBytes = memory(connection, RedisKeys.DEPLOYMENT_LOCKS);
            }
            long firstAllRunning = 0;
            while (true) {
                JsonNode deployments = JSON.readTree(client.deployments().body());
                boolean gone = true;
                for (JsonNode d : deployments) {
                    gone &= !d.path("id").asString().equals(id);
                }
                if (firstAllRunning == 0 && running(client) >= apps) {
                    firstAllRunning = System.nanoTime();
                }
                if (gone) {
                    break;
                }
                if (Duration.ofNanos(System.nanoTime() - start).toMinutes() >= 10) {
                    throw new IllegalStateException("deployment " + id + " still running after 10 minutes");
                }
                Thread.sleep(250);
            }
            long done = System.nanoTime();
            int running = running(client);
            System.out.printf("%n## Group deploy: %d apps x 1 task on %d simulated agents%n%n", apps, agents);
            System.out.printf("| figure | value |%n|---|---|%n");
            System.out.printf("| PUT /v2/groups answered (all %d apps validated and stored) | %.2f s |%n", apps, seconds(start, accepted));
            System.out.printf("| until every task reported running | %.2f s |%n", seconds(start, firstAllRunning == 0 ? done : firstAllRunning));
            System.out.printf("| until the deployment finished (gone from /v2/deployments) | %.2f s |%n", seconds(start, done));
            System.out.printf("| tasks running at the end | %d |%n", running);
            System.out.printf("| stored deployment record (Redis MEMORY USAGE) | %,d bytes (%.0f bytes per app) |%n",
                    recordBytes, (double) recordBytes / apps);
            System.out.printf("| lock hash while it ran (all deployments share it) | %,d bytes |%n", locksBytes);
            System.out.printf("| group request body | %,d bytes |%n", group.length());
        }
    }

    private static String group(int apps) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            list.add(Map.of("id", "app-" + i, "cmd", "sleep 3600", "instances", 1, "cpus", 0.01, "mem", 8,
                    "portDefinitions", List.of(), "labels", Map.of("team", "bench", "index", Integer.toString(i))));
        }
        return JSON.writeValueAsString(Map.of("apps", list));
    }

    private static int running(MarathonClient client) {
        MarathonClient.Response tasks = client.get("/v2/tasks?status=running");
        return tasks.ok() ? JSON.readTree(tasks.body()).path("tasks").size() : 0;
    }

    private static long memory(StatefulRedisConnection<String, String> connection, String key) {
        Long bytes = connection.sync().memoryUsage(key);
        return bytes == null ? 0 : bytes;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
