package dev.pacer.secrets.grant;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorBody;
import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.contract.secrets.InvalidGrantException;
import dev.pacer.contract.secrets.RedeemRequest;
import dev.pacer.contract.secrets.RedeemResponse;
import dev.pacer.contract.secrets.SecretGrant;
import dev.pacer.contract.secrets.SecretPolicy;
import dev.pacer.secrets.SecretsMetrics;
import dev.pacer.secrets.audit.AuditLog;
import dev.pacer.secrets.store.SecretStore;
import dev.pacer.secrets.store.SecretValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redeems a grant for its secrets' current values. In order: the signature ({@link GrantCodec}), the agent
 * and task it was issued for, its validity window, the access policy for every path, then its nonce (a
 * second redemption is a replay); any failure is a 403 and an audit entry. Then every path is read and
 * audited. Only the grant's own paths are ever read, so a grant for one task cannot reach another's.
 */
public class GrantRedeemer {

    private static final Logger log = LoggerFactory.getLogger(GrantRedeemer.class);

    private final GrantCodec codec;
    private final SecretPolicy policy;
    private final NonceStore nonces;
    private final SecretStore store;
    private final AuditLog audit;
    private final SecretsMetrics metrics;
    private final Clock clock;

    public GrantRedeemer(GrantCodec codec, SecretPolicy policy, NonceStore nonces, SecretStore store, AuditLog audit,
                         SecretsMetrics metrics, Clock clock) {
        this.codec = codec;
        this.policy = policy;
        this.nonces = nonces;
        this.store = store;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param callerAgentId the agent asking: with mutual TLS the one its certificate names, which must be
     *                      the agent the grant was issued for
     */
    public RedeemResponse redeem(RedeemRequest request, String callerAgentId) {
        if (codec == null) {
            throw refused(null, request, callerAgentId, "no_key", "secrets-service has no grant key (pacer.secrets.grant-key)");
        }
        SecretGrant grant;
        try {
            grant = codec.verify(request.grant());
        } catch (InvalidGrantException e) {
            throw refused(null, request, callerAgentId, "invalid", "invalid grant: " + e.getMessage());
        }
        if (!grant.agentId().equals(callerAgentId) || !grant.agentId().equals(request.agentId())) {
            throw refused(grant, request, callerAgentId, "agent", "grant was issued for another agent");
        }
        if (!grant.taskId().equals(request.taskId())) {
            throw refused(grant, request, callerAgentId, "task", "grant was issued for another task");
        }
        Instant now = clock.instant();
        if (!grant.validAt(now)) {
            throw refused(grant, request, callerAgentId, "expired", "grant has expired");
        }
        for (String path : grant.paths()) {
            if (!policy.allows(grant.appId(), path)) {
                throw refused(grant, request, callerAgentId, "policy", "app " + grant.appId() + " may not use secret " + path);
            }
        }
        if (!nonces.markUsed(grant.nonce(), Duration.between(now, grant.expiresAt()).plusMinutes(1))) {
            throw refused(grant, request, callerAgentId, "replayed", "grant was already redeemed");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String path : grant.paths()) {
            Optional<SecretValue> value = store.readCurrent(path);
            if (value.isEmpty()) {
                audit.record(grant.agentId(), grant.taskId(), grant.appId(), path, 0, "refused:missing");
                metrics.grantRefused("missing");
                throw new ApiException(404, ErrorBody.of("Secret '%s' does not exist".formatted(path)));
            }
            audit.record(grant.agentId(), grant.taskId(), grant.appId(), path, value.get().version(), "read");
            metrics.read(store.name());
            values.put(path, value.get().value());
        }
        metrics.grantRedeemed();
        log.info("Grant {} redeemed by agent {} for task {}: {} secret(s)", grant.shortId(), grant.agentId(),
                grant.taskId(), values.size());
        return new RedeemResponse(values);
    }

    private ApiException refused(SecretGrant grant, RedeemRequest request, String callerAgentId, String reason, String message) {
        metrics.grantRefused(reason);
        String task = grant != null ? grant.taskId() : request.taskId();
        String app = grant != null ? grant.appId() : null;
        audit.record(callerAgentId, task, app, grant == null ? null : String.join(",", grant.paths()), 0,
                "refused:" + reason);
        log.warn("Grant {} refused for agent {} task {}: {}", grant == null ? "?" : grant.shortId(), callerAgentId,
                task, reason);
        return new ApiException(403, ErrorBody.of("Grant refused: " + message));
    }
}
