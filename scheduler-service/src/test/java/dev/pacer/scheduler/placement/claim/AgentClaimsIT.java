package dev.pacer.scheduler.placement.claim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.agent.AgentInfo;
import dev.pacer.contract.agent.PortRange;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.scheduler.placement.ResourceMath;
import dev.pacer.scheduler.placement.claim.ClaimResult.Declined;
import dev.pacer.scheduler.placement.claim.ClaimResult.Granted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The claim and release scripts against a real Redis: what they write (the agent's hash, ports and claims),
 * that amounts are stored without drift, and that concurrent schedulers never overbook. What every
 * {@link AgentClaims} answers is {@code AgentsContract}'s ({@code RedisAgentsIT}).
 */
class AgentClaimsIT {

    private static final AppId APP = AppId.parse("/web");
    private static final AgentId AGENT = AgentId.parse("claims-a1");
    private static final AgentInfo INFO = new AgentInfo(AGENT.value(), "a1.example", 5051, "a", "eu", Map.of(),
            new Resources(2, 1024, 100), new PortRange(10000, 10004));

    private final RedisAgents redisAgents = new RedisAgents();
    private StringRedisTemplate redis;
    private AgentClaims claims;

    @BeforeEach
    void registerAgent() {
        redis = redisAgents.template();
        claims = claims(redis);
        RedisAgents.register(redis, INFO);
    }

    @AfterEach
    void close() {
        RedisAgents.delete(redis, AGENT.value());
        redisAgents.close();
    }

    private static AgentClaims claims(StringRedisTemplate redis) {
        return new RedisAgentClaims(redis, ClaimScripts.claim(), ClaimScripts.release(), RedisAgents.JSON);
    }

    @Test
    void claim_takesTheLowestFreePorts_andCountsTheResourcesUsed() {
        redis.opsForSet().add(RedisKeys.agentPorts(AGENT.value()), "10000", "10002");
        TaskId task = TaskId.newTask(APP);

        ClaimResult result = claims.claim(AGENT, task, new Resources(0.5, 256, 10), 2, List.of());

        Claim expected = new Claim(new Resources(0.5, 256, 10), List.of(10001, 10003));
        assertThat(result).isEqualTo(new Granted(expected, false));
        assertThat(hash()).containsEntry("used.cpus", "0.5").containsEntry("used.mem", "256").containsEntry("used.disk", "10");
        assertThat(ports()).containsExactlyInAnyOrder("10000", "10001", "10002", "10003");
        assertThat(claims.claims(AGENT)).isEqualTo(Map.of(task, expected));
    }





    @Test
    void releasingAnUnknownTask_changesNothing() {
        assertThat(claims.release(AGENT, TaskId.newTask(APP))).isFalse();
        assertThat(hash()).containsOnlyKeys("info");
    }




    @Test
    void fractionalClaimsAndReleases_neverDrift() {
        List<TaskId> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TaskId task = TaskId.newTask(APP);
            tasks.add(task);
            assertThat(claims.claim(AGENT, task, new Resources(0.1, 0.1, 0.01), 0, List.of())).isInstanceOf(Granted.class);
        }
        assertThat(hash()).containsEntry("used.cpus", "2").containsEntry("used.mem", "2").containsEntry("used.disk", "0.2");
        assertThat(claims.claim(AGENT, TaskId.newTask(APP), new Resources(0.001, 0, 0), 0, List.of()))
                .isEqualTo(new Declined("insufficient_cpus"));

        tasks.forEach(task -> claims.release(AGENT, task));

        assertThat(hash()).containsEntry("used.cpus", "0").containsEntry("used.mem", "0").containsEntry("used.disk", "0");
    }

    @Test
    void eightThreadsClaimingOneAgent_neverOverbook_andLeaveConsistentRecords() throws Exception {
        ConcurrentLinkedQueue<Claim> granted = new ConcurrentLinkedQueue<>();
        runConcurrently(8, thread -> {
            AgentClaims mine = claims(redisAgents.template());
            for (int i = 0; i < 25; i++) {
                Resources size = i % 2 == 0 ? new Resources(0.1, 30, 1) : new Resources(0.05, 10, 0);
                if (mine.claim(AGENT, TaskId.newTask(APP), size, i % 3 == 0 ? 1 : 0, List.of()) instanceof Granted g) {
                    granted.add(g.claim());
                }
            }
        });

        Resources total = granted.stream().map(Claim::resources).reduce(Resources.NONE, ResourceMath::plus);
        assertThat(total.cpus()).isLessThanOrEqualTo(2);
        assertThat(total.mem()).isLessThanOrEqualTo(1024);
        assertThat(total.disk()).isLessThanOrEqualTo(100);
        List<Integer> handedOut = granted.stream().flatMap(c -> c.ports().stream()).toList();
        assertThat(handedOut).doesNotHaveDuplicates().hasSize(5);
        assertThat(granted.size()).isGreaterThan(20);
        assertRecordsConsistent();
    }

    @Test
    void concurrentClaimsRetriesAndReleases_leaveConsistentRecords() throws Exception {
        List<TaskId> shared = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            shared.add(TaskId.newTask(APP));
        }
        runConcurrently(8, thread -> {
            AgentClaims mine = claims(redisAgents.template());
            for (int round = 0; round < 30; round++) {
                TaskId own = TaskId.newTask(APP);
                mine.claim(AGENT, own, new Resources(0.15, 70, 3), 1, List.of());
                // every thread also retries the same shared tasks: each is claimed at most once
                TaskId common = shared.get((thread + round) % shared.size());
                mine.claim(AGENT, common, new Resources(0.05, 10, 1), 0, List.of());
                if (round % 2 == 0) {
                    mine.release(AGENT, own);
                }
                if (round % 7 == thread % 7) {
                    mine.release(AGENT, common);
                }
            }
        });

        assertRecordsConsistent();
    }

    /** used.* equals the sum of the claims hash, the ports set equals the union of claimed ports, none twice. */
    private void assertRecordsConsistent() {
        Map<TaskId, Claim> all = claims.claims(AGENT);
        Resources sum = all.values().stream().map(Claim::resources).reduce(Resources.NONE, ResourceMath::plus);
        Map<Object, Object> hash = hash();
        assertThat(Double.parseDouble((String) hash.get("used.cpus"))).isEqualTo(sum.cpus());
        assertThat(Double.parseDouble((String) hash.get("used.mem"))).isEqualTo(sum.mem());
        assertThat(Double.parseDouble((String) hash.get("used.disk"))).isEqualTo(sum.disk());
        assertThat(sum.cpus()).isLessThanOrEqualTo(INFO.capacity().cpus());
        assertThat(sum.mem()).isLessThanOrEqualTo(INFO.capacity().mem());
        assertThat(sum.disk()).isLessThanOrEqualTo(INFO.capacity().disk());
        List<Integer> claimedPorts = all.values().stream().flatMap(c -> c.ports().stream()).toList();
        assertThat(claimedPorts).doesNotHaveDuplicates();
        Set<String> expectedPorts = new HashSet<>();
        claimedPorts.forEach(p -> expectedPorts.add(p.toString()));
        assertThat(ports()).isEqualTo(expectedPorts);
    }

    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<Object, Object> hash() {
        return redis.opsForHash().entries(RedisKeys.agent(AGENT.value()));
    }

    private Set<String> ports() {
        return redis.opsForSet().members(RedisKeys.agentPorts(AGENT.value()));
    }
}
