package dev.pacer.secrets.grant;

import dev.pacer.contract.secrets.SecretKeys;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Remembers redeemed grant nonces until their grants expire: {@code SET NX} with a TTL. */
public class NonceStore {

    private final StringRedisTemplate redis;

    public NonceStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** True the first time {@code nonce} is used; false for a replay. */
    public boolean markUsed(String nonce, Duration ttl) {
        Duration keep = ttl.isNegative() || ttl.isZero() ? Duration.ofSeconds(1) : ttl;
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(SecretKeys.grantNonce(nonce), "1", keep));
    }
}
