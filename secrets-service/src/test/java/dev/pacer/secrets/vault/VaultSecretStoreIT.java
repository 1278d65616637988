package dev.pacer.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.secrets.store.SecretBackendException;
import dev.pacer.secrets.store.SecretValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Vault backend through Spring Vault against {@link FakeVault} (Vault's documented KV v2 HTTP API on
 * the JDK's HttpServer): runs everywhere. {@link VaultContainerIT} runs the same against a real Vault
 * where a Docker engine exists.
 */
class VaultSecretStoreIT {

    private final FakeVault vault = startVault();

    private static FakeVault startVault() {
        try {
            return new FakeVault("secret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private VaultSecretStore store(VaultProperties properties) {
        return new VaultSecretStore(VaultClientFactory.template(properties), properties.mount(), properties.pathPrefix());
    }

    static VaultProperties token(String uri, String token) {
        return new VaultProperties(URI.create(uri), "token", token, new VaultProperties.AppRole(null, null, "approle"),
                "secret", "pacer", Duration.ofSeconds(2));
    }

    @Test
    void tokenAuth_writeReadVersionsListDelete() {
        VaultStoreScenarios.run(store(token(vault.uri(), FakeVault.ROOT_TOKEN)));
        assertThat(vault.storedValues()).isEmpty(); // the scenario deletes what it wrote
    }

    @Test
    void appRoleAuth_logsInOnce_andReads() {
        vault.addAppRole("pacer-role", "pacer-secret-id");
        VaultProperties approle = new VaultProperties(URI.create(vault.uri()), "approle", null,
                new VaultProperties.AppRole("pacer-role", "pacer-secret-id", "approle"), "secret", "pacer", Duration.ofSeconds(2));
        VaultSecretStore store = store(approle);

        store.put("/payments/db", "pw-1");
        store.put("/payments/db", "pw-2");

        assertThat(store.readCurrent("/payments/db")).get().extracting(SecretValue::version, SecretValue::value)
                .containsExactly(2, "pw-2");
        assertThat(vault.logins()).isEqualTo(1);
    }

    /**
     * An AppRole token lives 2 s (max 6 s): the session renews it before it expires and logs in again when the max
     * TTL is near, so reads (what a grant redemption does) keep succeeding; with a session that never renews, every
     * read after the first 2 s was a 403. Closing the store revokes the token.
     */
    @Test
    void appRoleTokensThatExpireEveryTwoSeconds_areRenewedAndReplaced_andReadsKeepSucceeding() throws Exception {
        vault.addAppRole("pacer-role", "pacer-secret-id");
        vault.tokenTtl(Duration.ofSeconds(2));
        VaultProperties approle = new VaultProperties(URI.create(vault.uri()), "approle", null,
                new VaultProperties.AppRole("pacer-role", "pacer-secret-id", "approle"), "secret", "pacer", Duration.ofSeconds(2));
        VaultSecretStore store = store(approle);
        store.put("/payments/db", "pw-1");

        int reads = 0;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            assertThat(store.readCurrent("/payments/db")).as("read %d", reads).get().extracting(SecretValue::value).isEqualTo("pw-1");
            reads++;
            Thread.sleep(200);
        }
        assertThat(reads).isGreaterThan(30);
        assertThat(vault.refused()).as("calls refused for an expired token").isZero();
        assertThat(vault.renewals()).isPositive();
        assertThat(vault.logins()).as("logged in again as the max TTL neared").isGreaterThan(1);

        store.close();
        assertThat(vault.revocations()).isEqualTo(1);
    }

    @Test
    void badToken_isABackendError_withoutDetails() {
        VaultSecretStore store = store(token(vault.uri(), "wrong"));
        assertThatThrownBy(() -> store.put("/x/y", "value-never-in-messages"))
                .isInstanceOf(SecretBackendException.class)
                .hasMessageNotContaining("value-never-in-messages");
    }
}
