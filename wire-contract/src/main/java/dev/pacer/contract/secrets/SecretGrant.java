package dev.pacer.contract.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a grant allows: the agent {@code agentId} may read {@code paths} for the task {@code taskId} of
 * {@code appId}, once, until {@code expiresAt}. Issued by the scheduler when it places the task, signed
 * by {@link GrantCodec}, redeemed by the agent at secrets-service.
 *
 * @param nonce random id of this grant; secrets-service refuses a nonce it has seen (replay)
 */
public record SecretGrant(String taskId, String appId, String agentId, List<String> paths, Instant issuedAt,
                          Instant expiresAt, String nonce) {

    public SecretGrant {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(nonce, "nonce");
        paths = List.copyOf(paths);
        for (String field : List.of(taskId, appId, agentId, nonce)) {
            if (field.isEmpty() || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("grant fields must be non-empty single lines");
            }
        }
        for (String path : paths) {
            SecretPaths.check(path);
        }
    }

    /** Whether the grant is still valid at {@code now}. */
    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt) && !now.isBefore(issuedAt.minusSeconds(30));
    }

    /** A short, non-secret name of this grant for logs: the first 8 characters of its nonce. */
    public String shortId() {
        return nonce.substring(0, Math.min(8, nonce.length()));
    }
}
