package dev.pacer.secrets.vault;

import dev.pacer.contract.secrets.SecretMetadata;
import dev.pacer.contract.secrets.SecretPaths;
import dev.pacer.contract.secrets.SecretVersion;
import dev.pacer.secrets.store.SecretBackendException;
import dev.pacer.secrets.store.SecretStore;
import dev.pacer.secrets.store.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.VaultMetadataResponse;
import org.springframework.vault.support.Versioned;
import org.springframework.web.client.RestClientException;

/**
 * Secrets in Vault's KV v2 engine: {@code /prod/db} is {@code <mount>/data/<prefix>/prod/db} with the data
 * {@code {"value": "..."}}; Vault keeps the versions and their metadata. Errors from Vault are reported
 * by operation only (their bodies are not copied into messages).
 */
public final class VaultSecretStore implements SecretStore {

    private static final String VALUE = "value";

    private final VaultOperations vault;
    private final VaultVersionedKeyValueOperations kv;
    private final String prefix;

    public VaultSecretStore(VaultOperations vault, String mount, String pathPrefix) {
        this.vault = vault;
        this.kv = vault.opsForVersionedKeyValue(mount);
        String p = pathPrefix == null ? "" : pathPrefix.replaceAll("^/+|/+$", "");
        this.prefix = p.isEmpty() ? "" : p + "/";
    }

    @Override
    public String name() {
        return "vault";
    }

    @Override
    public SecretMetadata put(String path, String value) {
        SecretPaths.check(path);
        call("write", () -> kv.put(vaultPath(path), Map.of(VALUE, value)));
        return metadata(path).orElseThrow(() -> new SecretBackendException("vault write not visible"));
    }

    @Override
    public Optional<SecretMetadata> metadata(String path) {
        return rawMetadata(path).map(m -> new SecretMetadata(path, m.getCurrentVersion(),
                (int) m.getVersions().stream().filter(v -> !v.isDestroyed()).count(), m.getCreatedTime(),
                m.getUpdatedTime(), name()));
    }

    @Override
    public List<SecretMetadata> list(String prefixPath, int limit) {
        List<SecretMetadata> out = new ArrayList<>();
        String start = prefixPath == null || prefixPath.isBlank() || "/".equals(prefixPath) ? "/" : prefixPath;
        if (!"/".equals(start)) {
            metadata(start).ifPresent(out::add);
        }
        walk("/".equals(start) ? "" : start, out, limit);
        return out;
    }

    private void walk(String folder, List<SecretMetadata> out, int limit) {
        List<String> keys = call("list", () -> kv.list(prefix + (folder.isEmpty() ? "" : folder.substring(1) + "/")));
        if (keys == null) {
            return;
        }
        for (String key : keys.stream().sorted().toList()) {
            if (out.size() >= limit) {
                return;
            }
            if (key.endsWith("/")) {
                walk(folder + "/" + key.substring(0, key.length() - 1), out, limit);
            } else {
                metadata(folder + "/" + key).ifPresent(out::add);
            }
        }
    }

    @Override
    public boolean delete(String path) {
        if (rawMetadata(path).isEmpty()) {
            return false;
        }
        call("delete", () -> {
            kv.opsForKeyValueMetadata().delete(vaultPath(path));
            return null;
        });
        return true;
    }

    @Override
    public List<SecretVersion> versions(String path) {
        return rawMetadata(path).map(m -> m.getVersions().stream()
                .filter(v -> !v.isDestroyed() && !v.isDeleted())
                .map(v -> new SecretVersion(v.getVersion().getVersion(), v.getCreatedAt(),
                        v.getVersion().getVersion() == m.getCurrentVersion()))
                .toList()).orElse(List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<SecretValue> readCurrent(String path) {
        Versioned<Map<String, Object>> read = call("read", () -> kv.get(vaultPath(path)));
        if (read == null || !read.hasData() || read.getData().get(VALUE) == null) {
            return Optional.empty();
        }
        return Optional.of(new SecretValue(read.getVersion().getVersion(), read.getData().get(VALUE).toString()));
    }

    private Optional<VaultMetadataResponse> rawMetadata(String path) {
        return Optional.ofNullable(call("metadata", () -> kv.opsForKeyValueMetadata().get(vaultPath(path))));
    }

    private String vaultPath(String path) {
        return prefix + SecretPaths.check(path).substring(1);
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (VaultException | RestClientException e) {
            throw new SecretBackendException("vault " + operation + " failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Ends the Vault session (an AppRole login's token is revoked). */
    @Override
    public void close() {
        if (vault instanceof DisposableBean session) {
            try {
                session.destroy();
            } catch (Exception e) {
                throw new SecretBackendException("closing the Vault session failed: " + e.getClass().getSimpleName());
            }
        }
    }
}
