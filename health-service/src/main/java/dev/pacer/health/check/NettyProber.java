package dev.pacer.health.check;

import dev.pacer.boot.health.ProbeOutcome;
import dev.pacer.boot.health.Prober;
import dev.pacer.contract.health.ProbeUri;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.health.target.CheckTarget;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;

/**
 * HTTP, HTTPS and TCP probes on Netty's non-blocking I/O: a few event-loop threads carry thousands of
 * probes at once; HTTP connections are pooled per task address and reused from one probe to the next
 * (keep-alive), closed after {@code maxIdle}; every probe ends at its timeout at the latest (connect,
 * request and response included: the connection is then closed, never reused). HTTPS does not verify
 * certificates (as Marathon: a task's certificate is its own business). A TCP probe only connects.
 * HTTP URIs are built by {@link ProbeUri} from the task's host and port and the check's path: a path
 * can never name another host.
 */
public final class NettyProber implements Prober<CheckTarget>, AutoCloseable {

    private final LoopResources loops;
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final HttpClient https;
    private final TcpClient tcp;

    public NettyProber(int ioThreads, int maxConnectionsPerTask, Duration maxIdle) {
        this.loops = LoopResources.create("pacer-health-io", ioThreads > 0 ? ioThreads
                : Math.max(1, Runtime.getRuntime().availableProcessors()), true);
        this.pool = ConnectionProvider.builder("pacer-health")
                .maxConnections(maxConnectionsPerTask)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(maxIdle)
                .evictInBackground(maxIdle)
                .build();
        this.http = HttpClient.create(pool).runOn(loops).keepAlive(true).followRedirect(false).compress(false)
                .disableRetry(true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        this.https = http.secure(spec -> spec.sslContext(Http11SslContextSpec.forClient()
                .configure(builder -> builder.trustManager(InsecureTrustManagerFactory.INSTANCE))));
        this.tcp = TcpClient.newConnection().runOn(loops).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
    }

    /** Probes start on the event loops (round robin), not on the timer thread. */
    @Override
    public Executor dispatcher() {
        EventLoopGroup group = loops.onClient(true);
        return task -> group.next().execute(task);
    }

    @Override
    public void probe(CheckTarget target, Consumer<ProbeOutcome> done) {
        Duration timeout = target.timeout();
        Mono<ProbeOutcome> probe = switch (target.protocol()) {
            case HealthCheck.HTTP, HealthCheck.HTTPS -> httpProbe(target);
            case HealthCheck.TCP -> tcp.host(target.host()).port(target.port()).connect()
                    .map(connection -> {
                        connection.dispose();
                        return ProbeOutcome.HEALTHY;
                    });
            default -> Mono.just(ProbeOutcome.unhealthy("protocol " + target.protocol() + " is not run by health-service"));
        };
        probe.timeout(timeout)
                .onErrorResume(e -> Mono.just(ProbeOutcome.unhealthy(cause(e, timeout))))
                .defaultIfEmpty(ProbeOutcome.unhealthy("no response"))
                .subscribe(done, e -> done.accept(ProbeOutcome.unhealthy(e.toString())));
    }

    private Mono<ProbeOutcome> httpProbe(CheckTarget target) {
        boolean tls = HealthCheck.HTTPS.equals(target.protocol());
        URI uri;
        try {
            uri = ProbeUri.of(tls, target.host(), target.port(), target.path());
        } catch (IllegalArgumentException e) {
            return Mono.just(ProbeOutcome.unhealthy("no probe address for host " + target.host()));
        }
        return (tls ? https : http).get().uri(uri)
                .response((response, body) -> body.then(Mono.just(response.status().code())))
                .next()
                .map(status -> ProbeOutcome.ofHttpStatus(status, target.ignoreHttp1xx()));
    }

    static String cause(Throwable e, Duration timeout) {
        if (e instanceof TimeoutException) {
            return ProbeOutcome.timedOut(timeout).cause();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof ConnectException || root instanceof ConnectException) {
            return "connection refused";
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }
}
