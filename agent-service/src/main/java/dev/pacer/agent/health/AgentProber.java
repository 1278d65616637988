package dev.pacer.agent.health;

import dev.pacer.boot.health.ProbeOutcome;
import dev.pacer.boot.health.Prober;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs {@link AgentProbe} (blocking: a process, a socket, an HTTP call, each bounded by the check's
 * timeout) on a few threads of its own. The engine never hands it more probes than it has threads (its
 * slots are the threads), so the pool's queue stays short.
 */
final class AgentProber implements Prober<AgentCheck>, AutoCloseable {

    private final ExecutorService pool;

    AgentProber(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "pacer-agent-health-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Executor dispatcher() {
        return pool;
    }

    @Override
    public void probe(AgentCheck check, Consumer<ProbeOutcome> done) {
        done.accept(ProbeOutcome.ofCause(AgentProbe.run(check.check(), check.port(), check.sandbox(), check.env(),
                check.timeout(), check.beside())));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
