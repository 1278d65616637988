package dev.pacer.bench;

import java.util.LinkedHashMap;
import java.util.Map;
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

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int port = Integer.parseInt(required(opts, "port"));
        HttpClient upstream = HttpClient.create().baseUrl(required(opts, "upstream"));
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
        System.out.println("proxy-floor on " + server.port() + " -> " + opts.get("upstream"));
        server.onDispose().block();
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
