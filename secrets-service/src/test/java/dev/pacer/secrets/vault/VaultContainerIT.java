package dev.pacer.secrets.vault;

import dev.pacer.testsupport.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.vault.VaultContainer;

/**
 * The same scenario as {@link VaultSecretStoreIT} against a real Vault in dev mode (KV v2 at {@code secret/}).
 * Runs where the image {@code hashicorp/vault:1.15} is on the engine (loaded or pulled by hand where a registry is
 * reachable). It cannot be built here: Vault is not in Debian, so {@code containers/build-images.sh} has no recipe;
 * elsewhere the test is reported skipped with that reason, in CI too, and {@link VaultSecretStoreIT} (the fake
 * Vault) is what runs.
 */
@RequiresDocker(images = VaultContainerIT.IMAGE, missingImageAllowedBecause = "no Vault image can be built without"
        + " a public registry: Vault is not in Debian; VaultSecretStoreIT runs the same scenario against FakeVault")
class VaultContainerIT {

    static final String IMAGE = "hashicorp/vault:1.15";
    private static final String TOKEN = "pacer-dev-root";

    private static VaultContainer<?> vault;

    @BeforeAll
    @SuppressWarnings("resource")
    static void startVault() {
        vault = new VaultContainer<>(IMAGE).withVaultToken(TOKEN);
        vault.start();
    }

    @AfterAll
    static void stopVault() {
        if (vault != null) {
            vault.stop();
        }
    }

    @Test
    void tokenAuth_writeReadVersionsListDelete() {
        VaultSecretStore store = new VaultSecretStore(VaultClientFactory.template(
                VaultSecretStoreIT.token(vault.getHttpHostAddress(), TOKEN)), "secret", "pacer");
        VaultStoreScenarios.run(store);
    }
}
