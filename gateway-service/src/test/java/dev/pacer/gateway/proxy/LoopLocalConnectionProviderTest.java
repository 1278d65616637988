package dev.pacer.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A proxy on two event loops, over real sockets: every upstream connection a request gets belongs to
 * the loop that handles the request, and each loop fills its own pool.
 */
class LoopLocalConnectionProviderTest {

    @Test
    void everyRequestUsesAnUpstreamConnectionOfItsOwnLoop() throws Exception {
        LoopResources loops = LoopResources.create("loop-local-test", 2, true);
        LoopLocalConnectionProvider provider = new LoopLocalConnectionProvider(
                () -> ConnectionProvider.builder("loop-local-test").maxConnections(8).build());
        DisposableServer upstream = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> res.sendString(Mono.just("ok")))
                .bindNow();
        var client = reactor.netty.http.client.HttpClient.create(provider) // fully qualified: the JDK HttpClient is imported
                .runOn(loops)
                .baseUrl("http://127.0.0.1:" + upstream.port());
        List<Boolean> sameLoop = new CopyOnWriteArrayList<>();
        Set<String> handlerThreads = ConcurrentHashMap.newKeySet();
        DisposableServer proxy = HttpServer.create().host("127.0.0.1").port(0).runOn(loops)
                .handle((req, res) -> {
                    Thread handler = Thread.currentThread();
                    handlerThreads.add(handler.getName());
                    return res.sendString(client.get().uri("/").responseConnection((answer, connection) -> {
                        sameLoop.add(connection.channel().eventLoop().inEventLoop(handler));
                        return connection.inbound().receive().aggregate().asString();
                    }).next());
                })
                .bindNow();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            // separate JDK clients: separate connections, which the proxy spreads over its two loops
            List<Future<Integer>> calls = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                calls.add(callers.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 20; i++) {
                        HttpResponse<String> response = jdk.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + proxy.port() + "/")).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        ok += response.statusCode() == 200 && response.body().equals("ok") ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> call : calls) {
                ok += call.get();
            }
            assertThat(ok).isEqualTo(80);
            assertThat(sameLoop).hasSize(80).containsOnly(true);
            assertThat(handlerThreads).hasSize(2);
            assertThat(provider.pools()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
            proxy.disposeNow();
            upstream.disposeNow();
            provider.disposeLater().block(Duration.ofSeconds(5));
            loops.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void aCallerOutsideTheEventLoopsUsesTheSharedPool() {
        List<ConnectionProvider> made = new ArrayList<>();
        LoopLocalConnectionProvider provider = new LoopLocalConnectionProvider(() -> {
            ConnectionProvider pool = ConnectionProvider.create("loop-local-test-" + made.size(), 1);
            made.add(pool);
            return pool;
        });
        Thread loop = new FastThreadLocalThread(() -> { });
        assertThat(provider.poolOf(Thread.currentThread())).isSameAs(made.get(0));
        assertThat(provider.poolOf(loop)).isSameAs(provider.poolOf(loop)).isNotSameAs(made.get(0));
        assertThat(provider.pools()).isEqualTo(1);
        provider.dispose();
        assertThat(made).allMatch(ConnectionProvider::isDisposed);
    }
}
