package dev.pacer.contract.secrets;

import java.time.Instant;

/**
 * One audited read of a secret by an agent, or a refused redemption (never the value, never the grant).
 *
 * @param version the version read; 0 when nothing was read
 * @param outcome {@code read}, or {@code refused:<reason>}
 */
public record AuditEntry(String id, Instant at, String agentId, String taskId, String appId, String path, int version,
                         String outcome) {
}
