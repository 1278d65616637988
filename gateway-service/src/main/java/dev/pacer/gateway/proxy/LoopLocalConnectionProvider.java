package dev.pacer.gateway.proxy;

import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * Upstream connection pools, one per event loop (Envoy's worker model): a request handled on loop
 * <i>n</i> takes a connection of loop <i>n</i>'s own pool, and that pool's connections were opened on
 * loop <i>n</i> (Reactor Netty colocates a new client connection with the loop that asks for it). So
 * the request, its upstream call and its answer never change threads. With one shared pool a request
 * on one of <i>n</i> loops gets a connection owned by another loop (n-1)/n of the time, and each such
 * hand-over costs two thread wake-ups. Measured on 2 cores (bench/README.md, gateway overhead): one
 * loop instead of four halved the gateway's CPU per request; at two loops, per-loop and shared pools
 * were within run-to-run noise — the saving grows with the number of loops.
 *
 * <p>A caller that is not a Netty thread (a continuation on another scheduler) uses a shared pool.
 * Limits ({@code max-connections} and the rest) apply per pool.
 */
public final class LoopLocalConnectionProvider implements ConnectionProvider {

    private final Supplier<ConnectionProvider> newPool;
    private final ConnectionProvider shared;
    private final Map<Thread, ConnectionProvider> pools = new ConcurrentHashMap<>();

    LoopLocalConnectionProvider(Supplier<ConnectionProvider> newPool) {
        this.newPool = newPool;
        this.shared = newPool.get();
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
                                              @Nullable Supplier<? extends SocketAddress> remoteAddress,
                                              @Nullable AddressResolverGroup<?> resolverGroup) {
        return poolOf(Thread.currentThread()).acquire(config, observer, remoteAddress, resolverGroup);
    }

    /** The calling loop's pool; Netty's threads are {@link FastThreadLocalThread}s, any other caller gets the shared one. */
    ConnectionProvider poolOf(Thread thread) {
        if (!(thread instanceof FastThreadLocalThread)) {
            return shared;
        }
        return pools.computeIfAbsent(thread, t -> newPool.get());
    }

    int pools() {
        return pools.size();
    }

    @Override
    public void disposeWhen(SocketAddress address) {
        all().forEach(p -> p.disposeWhen(address));
    }

    @Override
    public Mono<Void> disposeLater() {
        return Flux.fromIterable(all()).flatMap(ConnectionProvider::disposeLater).then();
    }

    @Override
    public void dispose() {
        disposeLater().block();
    }

    @Override
    public boolean isDisposed() {
        return shared.isDisposed();
    }

    @Override
    public int maxConnections() {
        return shared.maxConnections();
    }

    @Override
    public String name() {
        return shared.name();
    }

    private List<ConnectionProvider> all() {
        List<ConnectionProvider> all = new ArrayList<>(pools.values());
        all.add(shared);
        return all;
    }
}
