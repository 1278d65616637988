package dev.pacer.secrets.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

    static byte[] key(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }

    private final EnvelopeCipher v1 = new EnvelopeCipher(new Keyring(Map.of("1", key(1)), null));

    @Test
    void encrypt_hidesTheValue_andDecryptsBack() {
        String envelope = v1.encrypt("/prod/db", "hunter2-hunter2");
        assertThat(envelope).startsWith("1:").doesNotContain("hunter2");
        assertThat(v1.encrypt("/prod/db", "hunter2-hunter2")).isNotEqualTo(envelope); // fresh DEK and IVs
        assertThat(v1.decrypt("/prod/db", envelope)).isEqualTo("hunter2-hunter2");
    }

    @Test
    void envelopeOfAnotherPath_doesNotDecrypt() {
        String envelope = v1.encrypt("/prod/db", "x");
        assertThatThrownBy(() -> v1.decrypt("/prod/other", envelope)).isInstanceOf(SecretBackendException.class)
                .hasMessageNotContaining("x:");
    }

    @Test
    void rewrap_movesTheDataKeyToTheActiveVersion_keepingTheCiphertext() {
        String old = v1.encrypt("/a", "value");
        EnvelopeCipher both = new EnvelopeCipher(new Keyring(Map.of("1", key(1), "2", key(2)), null));
        assertThat(both.activeVersion()).isEqualTo("2");
        assertThat(both.decrypt("/a", old)).isEqualTo("value");
        String rewrapped = both.rewrap("/a", old);
        assertThat(EnvelopeCipher.keyVersion(rewrapped)).isEqualTo("2");
        assertThat(rewrapped.split(":")[2]).isEqualTo(old.split(":")[2]);
        EnvelopeCipher onlyNew = new EnvelopeCipher(new Keyring(Map.of("2", key(2)), null));
        assertThat(onlyNew.decrypt("/a", rewrapped)).isEqualTo("value");
        assertThatThrownBy(() -> onlyNew.decrypt("/a", old)).isInstanceOf(SecretBackendException.class);
    }

    @Test
    void keyring_needsAKey_of32Bytes() {
        assertThatThrownBy(() -> new Keyring(Map.of(), null)).hasMessageContaining("pacer.secrets.embedded.keys");
        assertThatThrownBy(() -> new Keyring(Map.of("1", new byte[16]), null)).hasMessageContaining("32 bytes");
        assertThat(new Keyring(Map.of("9", key(1), "10", key(2)), null).activeVersion()).isEqualTo("10");
    }
}
