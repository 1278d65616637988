package dev.pacer.bench.health;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * Many local task endpoints on Netty ({@code threads} event loops, keep-alive): {@code /fast} answers 200 at once,
 * {@code /slow} 200 after {@code slowMillis}, {@code /fail} 500, {@code /flap} alternates between 200
 * and 503 every {@code flapPeriod}. Counts the requests it answered.
 */
final class StubFleet implements AutoCloseable {

    private final List<DisposableServer> servers = new ArrayList<>();
    private final LoopResources loops;
    private final AtomicLong requests = new AtomicLong();

    StubFleet(int ports, int threads, Duration slow, Duration flapPeriod) {
        loops = LoopResources.create("stub", threads, true);
        for (int i = 0; i < ports; i++) {
            servers.add(HttpServer.create().host("127.0.0.1").port(0).runOn(loops)
                    .route(r -> r
                            .get("/fast", (req, res) -> count(res.status(200).send()))
                            .get("/slow", (req, res) -> count(Mono.delay(slow).then(res.status(200).send().then())))
                            .get("/fail", (req, res) -> count(res.status(500).send()))
                            .get("/flap", (req, res) -> count(res.status(
                                    (System.currentTimeMillis() / flapPeriod.toMillis()) % 2 == 0 ? HttpResponseStatus.OK
                                            : HttpResponseStatus.SERVICE_UNAVAILABLE).send())))
                    .bindNow());
        }
    }

    private Mono<Void> count(Publisher<Void> send) {
        requests.incrementAndGet();
        return Mono.from(send);
    }

    List<Integer> ports() {
        return servers.stream().map(DisposableServer::port).toList();
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        servers.forEach(DisposableServer::disposeNow);
        loops.dispose();
    }
}
