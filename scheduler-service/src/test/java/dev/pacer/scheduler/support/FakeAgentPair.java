package dev.pacer.scheduler.support;

import dev.pacer.contract.agent.Resources;
import dev.pacer.testsupport.FakeAgent;
import dev.pacer.testsupport.TestRedis;
import java.util.List;

/**
 * The two fake agents most scheduler ITs reconcile onto: {@code <prefix>-a} in zone a and {@code <prefix>-b}
 * in zone b, 4 cpus and 4 GiB each, on a Redis whose Pacer keys were flushed first.
 */
public final class FakeAgentPair implements AutoCloseable {

    public final FakeAgent a;
    public final FakeAgent b;
    private final RedisTestTemplates redis;

    private FakeAgentPair(RedisTestTemplates redis, String prefix) {
        this.redis = redis;
        redis.flushPacerKeys();
        this.a = FakeAgent.start(prefix + "-a", "a", TestRedis.url(), new Resources(4, 4096, 10_000));
        this.b = FakeAgent.start(prefix + "-b", "b", TestRedis.url(), new Resources(4, 4096, 10_000));
    }

    public static FakeAgentPair start(RedisTestTemplates redis, String prefix) {
        return new FakeAgentPair(redis, prefix);
    }

    /** The agent that runs {@code taskId} (a when neither does). */
    public FakeAgent running(String taskId) {
        return b.running().stream().anyMatch(t -> t.taskId().equals(taskId)) ? b : a;
    }

    public List<FakeAgent> both() {
        return List.of(a, b);
    }

    @Override
    public void close() {
        a.close();
        b.close();
        redis.close();
    }
}
