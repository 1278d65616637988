package dev.pacer.secrets.store;

import dev.pacer.boot.error.ApiException;

/**
 * Re-wrapping of the embedded store's data keys under the active key-encryption key (after a new key
 * version was configured). The Vault backend rotates its own keys ({@code vault write -f transit/...}
 * or Vault's barrier): there, this answers 409.
 */
public final class KeyRotation {

    private final EmbeddedSecretStore embedded;
    private final String activeKey;

    public KeyRotation(EmbeddedSecretStore embedded, String activeKey) {
        this.embedded = embedded;
        this.activeKey = activeKey;
    }

    public int rewrapAll() {
        ApiException.checkConflict(embedded != null, "Key rotation applies to the embedded backend only");
        return embedded.rewrapAll();
    }

    public String activeKey() {
        return activeKey == null ? "" : activeKey;
    }
}
