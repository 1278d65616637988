package dev.pacer.gateway.proxy;

import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.SocketAddress;
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
 * usually got a connection owned by another loop, and each hand-over cost two thread wake-ups: on two
 * shared cores that was most of what the gateway added (bench/README.md, gateway overhead).
 *
 * <p>A caller that is not an event loop (a continuation on another scheduler) uses a shared pool.
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

    /** The calling loop's pool; Netty's event-loop threads are {@link FastThreadLocalThread}s. */
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
        List<ConnectionProvider> all = new java.util.ArrayList<>(pools.values());
        all.add(shared);
        return all;
    }
}
