package dev.pacer.secrets.vault;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * The same scenario as {@link VaultSecretStoreIT} against a real Vault in dev mode (KV v2 at {@code secret/}).
 * Runs only where a Docker engine exists; skipped elsewhere (the fake-Vault test always runs).
 */
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerIT {

    private static final String TOKEN = "pacer-dev-root";

    @Container
    static final VaultContainer<?> VAULT = new VaultContainer<>("hashicorp/vault:1.15").withVaultToken(TOKEN);

    @Test
    void tokenAuth_writeReadVersionsListDelete() {
        VaultSecretStore store = new VaultSecretStore(VaultClientFactory.template(
                VaultSecretStoreIT.token(VAULT.getHttpHostAddress(), TOKEN)), "secret", "pacer");
        VaultStoreScenarios.run(store);
    }
}
