package dev.pacer.bench;

import java.util.Set;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * The floor of the gateway benchmark: the least a JVM reverse proxy can do — Reactor Netty (the
 * gateway's own transport) passing each request through to one upstream over pooled keep-alive
 * connections, with no routing, filters, security or metrics. What it adds over a direct call is what
 * the extra process and the two extra socket hops cost on this machine; what the gateway adds beyond
 * it is the gateway's own work.
 *
 * <p>{@code java -jar bench/target/bench.jar proxy-floor --port=18090 --upstream=http://127.0.0.1:8081}
 */
public final class ProxyFloor {

    private ProxyFloor() {
    }

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar proxy-floor --port=N --upstream=URL
            A bare Reactor Netty pass-through on 127.0.0.1:N to URL, the floor gateway-overhead measures against
            (gateway-overhead starts it itself); runs until killed.
              --port=N                 where it listens (required)
              --upstream=URL           where it passes requests to, e.g. http://127.0.0.1:8081 (required)
            """;

    public static void main(String[] args) {
        Bench.main("proxy-floor", args);
    }

    static BenchCommand.Run parse(String[] args) {
        BenchArgs given = BenchArgs.parse(args, Set.of("port", "upstream"));
        int port = given.integer("port", -1, 1);
        String upstream = given.text("upstream", null);
        if (port < 0 || upstream == null) {
            throw new IllegalArgumentException("--port and --upstream are required");
        }
        if (!upstream.matches("https?://.+")) {
            throw new IllegalArgumentException("--upstream needs an http:// or https:// URL, got '" + upstream + "'");
        }
        return () -> serve(port, upstream);
    }

    private static void serve(int port, String upstreamUrl) {
        HttpClient upstream = HttpClient.create().baseUrl(upstreamUrl);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> upstream
                        .headers(h -> h.add(request.requestHeaders()))
                        .request(request.method())
                        .uri(request.uri())
                        .send(request.receive().retain())
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders())
                                .send(body.retain())
                                .then()))
                .bindNow();
        System.out.println("proxy-floor on " + server.port() + " -> " + upstreamUrl);
        server.onDispose().block();
    }
}
