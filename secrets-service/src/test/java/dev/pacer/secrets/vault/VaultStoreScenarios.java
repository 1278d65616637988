package dev.pacer.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.secrets.SecretMetadata;
import dev.pacer.secrets.store.SecretValue;

/** One scenario run against the fake Vault and against a real one. */
final class VaultStoreScenarios {

    private VaultStoreScenarios() {
    }

    static void run(VaultSecretStore store) {
        assertThat(store.readCurrent("/prod/db/password")).isEmpty();
        assertThat(store.metadata("/prod/db/password")).isEmpty();

        SecretMetadata first = store.put("/prod/db/password", "one");
        SecretMetadata second = store.put("/prod/db/password", "two");
        store.put("/prod/api/key", "k");

        assertThat(first.currentVersion()).isEqualTo(1);
        assertThat(second.currentVersion()).isEqualTo(2);
        assertThat(second.backend()).isEqualTo("vault");
        assertThat(store.readCurrent("/prod/db/password")).get().extracting(SecretValue::version, SecretValue::value)
                .containsExactly(2, "two");
        assertThat(store.versions("/prod/db/password")).extracting(v -> v.version() + ":" + v.current())
                .containsExactly("1:false", "2:true");
        assertThat(store.list("/prod", 100)).extracting(SecretMetadata::path)
                .containsExactly("/prod/api/key", "/prod/db/password");
        assertThat(store.list(null, 100)).hasSize(2);

        assertThat(store.delete("/prod/db/password")).isTrue();
        assertThat(store.delete("/prod/db/password")).isFalse();
        assertThat(store.readCurrent("/prod/db/password")).isEmpty();
        assertThat(store.delete("/prod/api/key")).isTrue();
    }
}
