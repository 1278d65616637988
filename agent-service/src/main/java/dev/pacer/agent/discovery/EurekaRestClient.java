package dev.pacer.agent.discovery;

import com.netflix.appinfo.DataCenterInfo;
import com.netflix.appinfo.InstanceInfo;
import com.netflix.appinfo.InstanceInfo.InstanceStatus;
import com.netflix.appinfo.InstanceInfo.PortType;
import com.netflix.appinfo.LeaseInfo;
import com.netflix.appinfo.MyDataCenterInfo;
import com.netflix.discovery.shared.resolver.DefaultEndpoint;
import com.netflix.discovery.shared.transport.EurekaHttpClient;
import com.netflix.discovery.shared.transport.EurekaHttpResponse;
import dev.pacer.boot.tls.PacerTls;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.cloud.netflix.eureka.http.RestClientEurekaHttpClient;
import org.springframework.cloud.netflix.eureka.http.RestClientTransportClientFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Eureka's REST API for instances the agent registers on behalf of its tasks (register, renew, status,
 * cancel), through the Eureka client's own transport: Spring Cloud Netflix's
 * {@link RestClientEurekaHttpClient}, one per peer, sending Netflix {@link InstanceInfo}s in Eureka's own
 * JSON codec, over the agent's {@link PacerTls} HTTP client (its certificate to {@code https://} peers) with
 * {@code request-timeout} per call. What stays here is peer failover: calls go to one peer (the peers
 * replicate to each other); a peer that refuses, times out or answers 5xx is skipped and the next one tried,
 * and the last one that answered is tried first next time.
 */
final class EurekaRestClient {

    /** VIP addresses are used as given (no Archaius macro resolution). */
    private static final Function<String, String> AS_GIVEN = Function.identity();

    private final List<String> urls;
    private final List<EurekaHttpClient> peers;
    private volatile int preferred;

    /** @param tls the agent's certificate, presented to {@code https://} peers */
    EurekaRestClient(List<String> peers, Duration timeout, PacerTls tls) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("at least one Eureka URL is needed");
        }
        HttpClient http = tls.httpClient().connectTimeout(timeout).build();
        RestClientTransportClientFactory transport = new RestClientTransportClientFactory(Optional.empty(),
                Optional.empty(), (ssl, hostnames) -> {
                    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
                    requests.setReadTimeout(timeout);
                    return requests;
                }, RestClient::builder);
        this.urls = peers.stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
        this.peers = urls.stream().map(url -> transport.newClient(new DefaultEndpoint(url))).toList();
    }

    /**
     * Registers (or re-registers) the instance with {@code status}; {@code dirtyTimestamp} is its version in
     * Eureka, sent again with every later call so that Eureka never takes the agent's view for a newer one.
     */
    void register(TaskInstance instance, String status, long dirtyTimestamp) {
        instance.dirtyTimestamp = dirtyTimestamp;
        InstanceInfo info = info(instance, status);
        int code = send("register " + instance.taskId(), client -> client.register(info));
        if (code / 100 != 2) {
            throw new EurekaUnavailableException("registering " + instance.taskId() + " answered " + code);
        }
    }

    /** Renews the lease; false when Eureka does not know the instance (expired, or Eureka restarted). */
    boolean renew(TaskInstance instance) {
        InstanceInfo info = info(instance, instance.current);
        return send("renew " + instance.taskId(),
                client -> client.sendHeartBeat(instance.appName(), instance.taskId(), info, null)) / 100 == 2;
    }

    /** Sets the status; false when Eureka does not know the instance. */
    boolean status(TaskInstance instance, String status) {
        InstanceInfo info = info(instance, status);
        return send("status " + instance.taskId(), client -> client.statusUpdate(instance.appName(), instance.taskId(),
                InstanceStatus.toEnum(status), info)) / 100 == 2;
    }

    /** Removes the instance (absent already is fine). */
    void cancel(TaskInstance instance) {
        send("cancel " + instance.taskId(), client -> client.cancel(instance.appName(), instance.taskId()));
    }

    private static InstanceInfo info(TaskInstance instance, String status) {
        InstanceInfo.Builder builder = InstanceInfo.Builder.newBuilder(AS_GIVEN)
                .setInstanceId(instance.taskId())
                .setAppName(instance.appName())
                .setHostName(instance.host())
                .setIPAddr(instance.host())
                .setVIPAddress(instance.appName().toLowerCase(Locale.ROOT))
                .setStatus(status == null ? InstanceStatus.UNKNOWN : InstanceStatus.toEnum(status))
                .setPort(instance.port())
                .enablePort(PortType.UNSECURE, instance.port() > 0)
                .setSecurePort(443)
                .enablePort(PortType.SECURE, false)
                .setDataCenterInfo(new MyDataCenterInfo(DataCenterInfo.Name.MyOwn))
                .setLeaseInfo(LeaseInfo.Builder.newBuilder().setRenewalIntervalInSecs(instance.renewSeconds())
                        .setDurationInSecs(instance.leaseSeconds()).build())
                .setMetadata(new HashMap<>(instance.metadata()))
                .setLastDirtyTimestamp(instance.dirtyTimestamp);
        if (instance.statusPageUrl() != null) {
            builder.setStatusPageUrl(null, instance.statusPageUrl());
        }
        return builder.build();
    }

    private int send(String what, Function<EurekaHttpClient, EurekaHttpResponse<?>> call) {
        int start = preferred;
        String lastProblem = "no peer";
        for (int n = 0; n < peers.size(); n++) {
            int peer = (start + n) % peers.size();
            try {
                int code = call.apply(peers.get(peer)).getStatusCode();
                if (code < 500) {
                    preferred = peer;
                    return code;
                }
                lastProblem = urls.get(peer) + " answered " + code;
            } catch (RestClientException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new EurekaUnavailableException("interrupted");
                }
                lastProblem = urls.get(peer) + ": " + e.getMostSpecificCause();
            }
        }
        throw new EurekaUnavailableException(what + " failed on every peer; last: " + lastProblem);
    }
}
