package dev.pacer.secrets.store;

import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs) of the embedded store, by version, and the active version new values are
 * wrapped under. Old versions stay here for reading (and re-wrapping) until no value uses them.
 */
public final class Keyring {

    private final Map<String, SecretKey> keys;
    private final String active;

    public Keyring(Map<String, byte[]> keys, String active) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("no key-encryption key configured: set pacer.secrets.embedded.keys.<version>="
                    + "<base64 of 32 bytes> (or PACER_SECRETS_EMBEDDED_KEYS_<VERSION>)");
        }
        Map<String, SecretKey> copy = new TreeMap<>();
        keys.forEach((version, bytes) -> {
            if (!version.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("key version '" + version + "' must match [A-Za-z0-9-]+");
            }
            if (bytes == null || bytes.length != 32) {
                throw new IllegalArgumentException("key version " + version + " must be 32 bytes (AES-256)");
            }
            copy.put(version, new SecretKeySpec(bytes.clone(), "AES"));
        });
        this.keys = Map.copyOf(copy);
        this.active = active == null || active.isBlank()
                ? copy.keySet().stream().max(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).orElseThrow()
                : active;
        if (!this.keys.containsKey(this.active)) {
            throw new IllegalArgumentException("active key version " + this.active + " is not configured");
        }
    }

    /** From configuration: version to base64. */
    public static Keyring fromBase64(Map<String, String> keys, String active) {
        Map<String, byte[]> decoded = new TreeMap<>();
        if (keys != null) {
            keys.forEach((version, b64) -> {
                try {
                    decoded.put(version, Base64.getDecoder().decode(b64.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("key version " + version + " is not base64");
                }
            });
        }
        return new Keyring(decoded, active);
    }

    public String activeVersion() {
        return active;
    }

    public SecretKey active() {
        return keys.get(active);
    }

    public SecretKey version(String version) {
        SecretKey key = keys.get(version);
        if (key == null) {
            throw new SecretBackendException("key version " + version + " is not configured");
        }
        return key;
    }
}
