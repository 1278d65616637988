package dev.pacer.agent.discovery;

import dev.pacer.boot.tls.PacerTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Eureka's REST API for instances the agent registers on behalf of its tasks: register, renew, status,
 * cancel. Calls go to one peer (the peers replicate to each other); a peer that refuses, times out or
 * answers 5xx is skipped and the next one tried, and the last one that answered is tried first next time.
 */
final class EurekaRestClient {

    private final List<String> peers;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient http;
    private volatile int preferred;

    /** @param tls the agent's certificate, presented to {@code https://} peers */
    EurekaRestClient(List<String> peers, Duration timeout, JsonMapper json, PacerTls tls) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("at least one Eureka URL is needed");
        }
        this.peers = peers.stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
        this.timeout = timeout;
        this.json = json;
        this.http = tls.httpClient().connectTimeout(timeout).build();
    }

    /** Registers (or re-registers) the instance with {@code status}. */
    void register(TaskInstance instance, String status, long dirtyTimestamp) {
        int code = send("POST", "apps/" + instance.appName(), registration(instance, status, dirtyTimestamp));
        if (code / 100 != 2) {
            throw new EurekaUnavailableException("registering " + instance.taskId() + " answered " + code);
        }
    }

    /** Renews the lease; false when Eureka does not know the instance (expired, or Eureka restarted). */
    boolean renew(TaskInstance instance) {
        return send("PUT", path(instance), null) / 100 == 2;
    }

    /** Sets the status; false when Eureka does not know the instance. */
    boolean status(TaskInstance instance, String status) {
        return send("PUT", path(instance) + "/status?value=" + status, null) / 100 == 2;
    }

    /** Removes the instance (absent already is fine). */
    void cancel(TaskInstance instance) {
        send("DELETE", path(instance), null);
    }

    private static String path(TaskInstance instance) {
        return "apps/" + instance.appName() + "/" + instance.taskId();
    }

    private byte[] registration(TaskInstance instance, String status, long dirtyTimestamp) {
        ObjectNode root = json.createObjectNode();
        ObjectNode i = root.putObject("instance");
        i.put("instanceId", instance.taskId())
                .put("hostName", instance.host())
                .put("app", instance.appName())
                .put("ipAddr", instance.host())
                .put("vipAddress", instance.appName().toLowerCase(java.util.Locale.ROOT))
                .put("status", status)
                .put("lastDirtyTimestamp", Long.toString(dirtyTimestamp));
        if (instance.statusPageUrl() != null) {
            i.put("statusPageUrl", instance.statusPageUrl());
        }
        i.putObject("port").put("$", instance.port()).put("@enabled", Boolean.toString(instance.port() > 0));
        i.putObject("securePort").put("$", 443).put("@enabled", "false");
        i.putObject("dataCenterInfo")
                .put("@class", "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo")
                .put("name", "MyOwn");
        i.putObject("leaseInfo")
                .put("renewalIntervalInSecs", instance.renewSeconds())
                .put("durationInSecs", instance.leaseSeconds());
        ObjectNode metadata = i.putObject("metadata");
        for (Map.Entry<String, String> e : instance.metadata().entrySet()) {
            metadata.put(e.getKey(), e.getValue());
        }
        return json.writeValueAsBytes(root);
    }

    private int send(String method, String path, byte[] body) {
        int start = preferred;
        String lastProblem = "no peer";
        for (int n = 0; n < peers.size(); n++) {
            int peer = (start + n) % peers.size();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(peers.get(peer) + path))
                    .timeout(timeout)
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() < 500) {
                    preferred = peer;
                    return response.statusCode();
                }
                lastProblem = peers.get(peer) + " answered " + response.statusCode();
            } catch (IOException e) {
                lastProblem = peers.get(peer) + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EurekaUnavailableException("interrupted");
            }
        }
        throw new EurekaUnavailableException(method + " " + path + " failed on every peer; last: " + lastProblem);
    }
}
