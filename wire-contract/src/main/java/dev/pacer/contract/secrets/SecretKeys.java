package dev.pacer.contract.secrets;

import dev.pacer.contract.RedisKeys;

/** Redis keys of secrets-service. Values are only ever stored encrypted (embedded backend). */
public final class SecretKeys {

    /** Sorted set of every secret path of the embedded store (score 0: lexical, a prefix is a range). */
    public static final String INDEX = RedisKeys.PREFIX + "secrets";
    /** Stream of audited reads and refusals ({@link AuditEntry} fields), capped. */
    public static final String AUDIT = RedisKeys.PREFIX + "secrets:audit";

    private SecretKeys() {
    }

    /**
     * Hash of one secret of the embedded store: {@code current}, {@code created}, {@code updated}, and per
     * version {@code n} the fields {@code v:<n>} (the envelope: key version, wrapped data key, ciphertext)
     * and {@code t:<n>} (created, epoch ms).
     */
    public static String secret(String path) {
        return RedisKeys.PREFIX + "secret:{" + path + "}";
    }

    /** String with a TTL: a grant's nonce once redeemed, until the grant expires (replay protection). */
    public static String grantNonce(String nonce) {
        return RedisKeys.PREFIX + "secrets:grant:" + nonce;
    }
}
