package dev.pacer.contract.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies grants: {@code pg1.<payload>.<mac>}, both parts base64url without padding. The
 * payload is the grant's fields, one per line (format version, task, app, agent, issued and expiry in
 * epoch seconds, nonce, then one secret path per line); the mac is HMAC-SHA256 of {@code pg1.<payload>}
 * under a key shared by the scheduler and secrets-service ({@code pacer.secrets.grant-key}, at least
 * 32 bytes, base64). Verification checks the mac in constant time; expiry, agent and replay are the
 * redeemer's business.
 */
public final class GrantCodec {

    public static final String PREFIX = "pg1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public GrantCodec(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("a grant key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** A codec for a base64 (standard or url-safe) key, as configured. */
    public static GrantCodec fromBase64(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no grant key configured (pacer.secrets.grant-key)");
        }
        String k = key.trim();
        byte[] bytes = k.contains("-") || k.contains("_") ? Base64.getUrlDecoder().decode(k) : Base64.getDecoder().decode(k);
        return new GrantCodec(bytes);
    }

    public String sign(SecretGrant grant) {
        List<String> lines = new ArrayList<>(List.of("1", grant.taskId(), grant.appId(), grant.agentId(),
                Long.toString(grant.issuedAt().getEpochSecond()), Long.toString(grant.expiresAt().getEpochSecond()),
                grant.nonce()));
        lines.addAll(grant.paths());
        String signed = PREFIX + B64.encodeToString(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return signed + "." + B64.encodeToString(mac(signed));
    }

    /** The grant {@code token} carries, if its mac is right; throws {@link InvalidGrantException} otherwise. */
    public SecretGrant verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new InvalidGrantException("not a grant");
        }
        int dot = token.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            throw new InvalidGrantException("not a grant");
        }
        String signed = token.substring(0, dot);
        byte[] given;
        String payload;
        try {
            given = B64D.decode(token.substring(dot + 1));
            payload = new String(B64D.decode(signed.substring(PREFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidGrantException("not a grant");
        }
        if (!MessageDigest.isEqual(mac(signed), given)) {
            throw new InvalidGrantException("bad grant signature");
        }
        List<String> lines = Arrays.asList(payload.split("\n", -1));
        if (lines.size() < 7 || !"1".equals(lines.get(0))) {
            throw new InvalidGrantException("unknown grant format");
        }
        try {
            return new SecretGrant(lines.get(1), lines.get(2), lines.get(3), lines.subList(7, lines.size()),
                    Instant.ofEpochSecond(Long.parseLong(lines.get(4))), Instant.ofEpochSecond(Long.parseLong(lines.get(5))),
                    lines.get(6));
        } catch (IllegalArgumentException e) {
            throw new InvalidGrantException("malformed grant");
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
