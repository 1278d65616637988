package dev.pacer.contract.secrets;

import java.time.Instant;

/** One stored version of a secret (never its value). */
public record SecretVersion(int version, Instant createdAt, boolean current) {
}
