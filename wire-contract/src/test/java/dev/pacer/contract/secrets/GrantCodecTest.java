package dev.pacer.contract.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantCodecTest {

    private final GrantCodec codec = new GrantCodec(new byte[32]);
    private final SecretGrant grant = new SecretGrant("web.1", "/payments/web", "agent-a",
            List.of("/payments/db", "/payments/api-key"), Instant.ofEpochSecond(1000), Instant.ofEpochSecond(1300), "n0nce");

    @Test
    void signedGrant_verifiesToTheSameGrant() {
        String token = codec.sign(grant);
        assertThat(token).startsWith("pg1.");
        assertThat(codec.verify(token)).isEqualTo(grant);
    }

    @Test
    void tamperedPayload_isRefused() {
        String token = codec.sign(grant);
        SecretGrant other = new SecretGrant("web.2", "/payments/web", "agent-a", grant.paths(), grant.issuedAt(),
                grant.expiresAt(), "n0nce");
        String otherPayload = codec.sign(other).split("\\.")[1];
        String forged = "pg1." + otherPayload + "." + token.split("\\.")[2];
        assertThatThrownBy(() -> codec.verify(forged)).isInstanceOf(InvalidGrantException.class)
                .hasMessage("bad grant signature");
    }

    @Test
    void otherKey_isRefused() {
        byte[] key = new byte[32];
        key[0] = 1;
        String token = new GrantCodec(key).sign(grant);
        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(InvalidGrantException.class);
        assertThatThrownBy(() -> codec.verify("garbage")).isInstanceOf(InvalidGrantException.class);
        assertThatThrownBy(() -> codec.verify("pg1.%%%.x")).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void keyFromBase64_needs32Bytes() {
        assertThatThrownBy(() -> GrantCodec.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GrantCodec.fromBase64(Base64.getEncoder().encodeToString(new byte[32])).verify(codec.sign(grant)))
                .isEqualTo(grant);
    }

    @Test
    void validity_window() {
        assertThat(grant.validAt(Instant.ofEpochSecond(1100))).isTrue();
        assertThat(grant.validAt(Instant.ofEpochSecond(1300))).isFalse();
    }
}
