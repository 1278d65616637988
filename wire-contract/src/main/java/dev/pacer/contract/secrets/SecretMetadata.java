package dev.pacer.contract.secrets;

import java.time.Instant;

/**
 * What users may see of a secret (never its value).
 *
 * @param currentVersion the version tasks started now receive (versions count from 1)
 * @param versions       how many versions are stored
 * @param backend        {@code embedded} or {@code vault}
 */
public record SecretMetadata(String path, int currentVersion, int versions, Instant createdAt, Instant updatedAt,
                             String backend) {
}
